"""What every part that makes network requests shares: which addresses may be requested."""

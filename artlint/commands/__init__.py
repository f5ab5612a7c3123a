"""What each CLI command does, apart from parsing its options."""

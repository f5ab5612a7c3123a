"""Which files a run reads: the one walker shared by check, fix and convert."""

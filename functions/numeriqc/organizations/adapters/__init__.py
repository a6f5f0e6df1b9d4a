"""Organizations adapters: the table and the SNS topics; each implements a port."""

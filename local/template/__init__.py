"""Reading the synthesized template: loading it, resolving intrinsics, naming resources, reading wiring."""

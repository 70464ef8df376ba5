"""The ``perwali`` command line and the store it builds and reads."""

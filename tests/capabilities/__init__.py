"""Tests of the capabilities (capabilities/), on the real corpus and on inputs made here."""

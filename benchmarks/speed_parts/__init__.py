"""The parts of ``benchmarks/speed.py``: the texts (``texts``), the engines that read them
(``engines``) and the whole-process timings (``processes``)."""

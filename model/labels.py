"""The event label set, shared by the inference package, training and the corpus tools."""

EVENT_LABELS = ("rakor", "apel_gelar_pasukan", "simulasi_sispam_kota")

"""warta: Indonesian NLP for police and election-security news (inference package).

`Predictor` is imported lazily so that light tools (`warta validate`, the corpus builder) start
without loading torch.
"""

from .labels import EVENT_LABELS

__all__ = ["EVENT_LABELS", "DEFAULT_MODEL", "Predictor"]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in ("Predictor", "DEFAULT_MODEL"):
        from . import predictor

        return getattr(predictor, name)
    raise AttributeError(f"module 'warta' has no attribute {name!r}")

"""warta: Indonesian NLP for police and election-security news (inference package).

`Predictor` is imported lazily so that light tools (`warta validate`, the corpus builder) start
without loading torch.

`import warta` also makes warta known to transformers (`AutoConfig`, `AutoModel` and the
`warta-news` pipeline task, see hf.py), without loading transformers itself: the registration runs
when transformers is first imported in this process, or at once if it already is.
"""

import importlib.abc
import importlib.util
import sys
import warnings

from .labels import EVENT_LABELS

__all__ = ["EVENT_LABELS", "DEFAULT_MODEL", "Predictor", "WartaConfig", "WartaModel"]
__version__ = "0.1.0"

_LAZY = {"Predictor": "predictor", "DEFAULT_MODEL": "predictor", "WartaConfig": "configuration", "WartaModel": "modeling"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'warta' has no attribute {name!r}")


# --- registration with transformers ----------------------------------------------------------

_REGISTERED = False
_MODULES = ("warta.configuration", "warta.modeling", "warta.hf")


def _initializing(name: str) -> bool:
    module = sys.modules.get(name)
    return bool(module is not None and getattr(getattr(module, "__spec__", None), "_initializing", False))


def _register_with_transformers(caller: str | None = None) -> None:
    """Register warta's config, model and pipeline task with transformers, once per process.

    While one of warta's own modules is still being imported (it imported transformers first),
    this waits: each of them calls it again on its last line, and the last one to finish registers.
    """
    global _REGISTERED
    if _REGISTERED or any(_initializing(m) for m in _MODULES if m != caller):
        return
    _REGISTERED = True
    from .hf import register

    register()


class _AfterImport(importlib.abc.MetaPathFinder):
    """Runs a callback right after a module has been imported (once), leaving the import itself alone."""

    def __init__(self, name: str, callback):
        self.name, self.callback = name, callback

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)  # one-shot; the lookup below must not find this finder again
        spec = importlib.util.find_spec(fullname)
        if spec is not None and spec.loader is not None:
            spec.loader = _CallbackLoader(spec.loader, self.callback)
        return spec


class _CallbackLoader(importlib.abc.Loader):
    def __init__(self, loader, callback):
        self._loader, self._callback = loader, callback

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        try:
            self._callback()
        except Exception as e:  # noqa: BLE001 - never break the user's import of transformers
            warnings.warn(f"warta could not register with transformers: {type(e).__name__}: {e}", RuntimeWarning, stacklevel=2)

    def __getattr__(self, name):
        return getattr(self._loader, name)


if "transformers" in sys.modules:
    _register_with_transformers()
elif not any(isinstance(f, _AfterImport) for f in sys.meta_path):
    sys.meta_path.insert(0, _AfterImport("transformers", _register_with_transformers))

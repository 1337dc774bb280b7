"""The Qt-free core: models, the record file, the guide and the services over them.

Nothing under this package may import PySide6; a test enforces it.
"""

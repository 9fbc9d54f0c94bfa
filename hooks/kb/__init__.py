"""Plain logic behind the site's MkDocs hooks.

Nothing in this package imports MkDocs. The hook files one folder up are thin adapters that
call into it, so that moving to another static-site generator only needs new adapters.
"""

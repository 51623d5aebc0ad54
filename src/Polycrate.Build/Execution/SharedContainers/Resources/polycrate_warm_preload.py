# Polycrate.Build warm Ansible start, what the zygote loads and how it watches the loading (docs/execution.md, "Warm
# Ansible start"); executed by polycrate_warm_zygote.py as a module of its own (never in sys.modules, so no step
# imports it). Ansible's import comes first (the first step is forked from it), preload() right after that fork.
#
# Everything preloaded is a pure function of what the zygote's "unchanged" check compares (the files of imported modules,
# the environment variables looked up, the config file, PATH and the ssh binary), and none of it touches a plugin
# loader: plugin modules (ansible.plugins.TYPE.NAME, ansible_collections.*) stay the step's own to find and load, so a
# playbook-adjacent plugin, an ANSIBLE_*_PLUGINS path or another stdout callback wins exactly as in a cold start.
import os
import sys

# Library modules an ansible-playbook run imports lazily after Ansible's import: the task executor and worker, the
# module/action machinery (module_common pulls in the fact collectors), the plugin base packages, playbook objects for
# handlers and includes, and the standard library behind them. Measured with a one-task localhost playbook (2.14).
# Not ansible.plugins.inventory: importing it resolves the `memory` cache plugin through the plugin loader.
MODULES = (
    "ansible.executor.task_executor", "ansible.executor.process.worker", "ansible.executor.module_common",
    "ansible.plugins.action", "ansible.plugins.become", "ansible.plugins.cache", "ansible.plugins.callback",
    "ansible.plugins.connection", "ansible.plugins.doc_fragments", "ansible.plugins.shell", "ansible.plugins.strategy",
    "ansible.plugins.vars", "ansible.playbook.handler", "ansible.playbook.handler_task_include",
    "ansible.playbook.included_file", "ansible.playbook.role_include", "ansible.playbook.task_include",
    "ansible.utils._junit_xml", "ansible.utils.hashing", "ansible.utils.shlex", "ansible.parsing.utils.jsonify",
    "ansible.module_utils.json_utils", "multiprocessing.pool", "multiprocessing.popen_fork", "pty", "tty", "ssl",
    "decimal", "xml.etree.ElementTree", "xml.dom.minidom", "tomllib", "pprint", "dataclasses", "cmd",
)


class Recorder:
    """Names looked up in os.environ/os.environb while Ansible is imported (whole-environment reads set all_read)."""

    def __init__(self):
        self.names = set()
        self.all_read = False

    def install(self):
        cls = type(os.environ)
        self.saved = (cls.__getitem__, cls.__iter__)
        getitem, iterate = self.saved
        recorder = self

        def recorded_getitem(mapping, key):
            recorder.names.add(os.fsdecode(key))
            return getitem(mapping, key)

        def recorded_iter(mapping):
            recorder.all_read = True
            return iterate(mapping)

        cls.__getitem__, cls.__iter__ = recorded_getitem, recorded_iter

    def uninstall(self):
        cls = type(os.environ)
        cls.__getitem__, cls.__iter__ = self.saved


def quietly(action, recorder, registered):
    """Runs action() recording the environment it reads and the at-exit handlers it registers; False when it failed,
    printed anything (output at import would be lost in a warm start) or read the whole environment."""
    import atexit
    capture = os.memfd_create("polycrate-warm-import")
    saved = os.dup(1), os.dup(2)
    os.dup2(capture, 1)
    os.dup2(capture, 2)
    register = atexit.register

    def recording_register(func, *a, **kw):
        registered.append((func, a, kw))
        return register(func, *a, **kw)

    atexit.register = recording_register
    recorder.install()
    ok = False
    try:
        ok = action() is not False
    except BaseException:
        pass
    finally:
        recorder.uninstall()
        atexit.register = register
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])
    ok = ok and os.fstat(capture).st_size == 0 and not recorder.all_read
    os.close(capture)
    return ok


def memoize_builtin_routing():
    # ansible.builtin's routing metadata (a 370 KB YAML file) is parsed once per process, about 0.15 s: parse it here
    # and hand each step a deep copy when it parses the very same bytes (a pure function of them; anything else is
    # parsed as before). Only the parse is cached: loading the collection (and what it logs) stays the step's.
    import copy
    import ansible
    from ansible.utils.collection_loader import _collection_finder as finder
    with open(os.path.join(os.path.dirname(ansible.__file__), "config", "ansible_builtin_runtime.yml"), "rb") as f:
        raw = f.read()
    original = finder._meta_yml_to_dict
    parsed = original(raw, ("ansible.builtin", "runtime.yml"))

    def memoized(data, content_id):
        if isinstance(data, bytes) and data == raw:
            return copy.deepcopy(parsed)
        return original(data, content_id)

    finder._meta_yml_to_dict = memoized


def plugin_state():
    # What a plugin load leaves behind: its module under a plugin name, and the plugin configuration it registered.
    from ansible import constants as C
    modules = sorted(n for n in sys.modules if n.startswith("ansible_collections.") or n.count(".") >= 3 and n.startswith("ansible.plugins."))
    return modules, repr(sorted(getattr(C.config, "_plugins", {}).items()))


def preload():
    """Imports MODULES and answers the `ssh -o ControlPersist` probe; False when that loaded or configured a plugin."""
    import importlib
    before = plugin_state()
    for name in MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # as absent for the step, which fails (or not) on it the same way
    # `smart` transport probes ssh once per process (a subprocess, ~40 ms); the result is the probe's for this ssh
    # binary, which the zygote's check compares (ssh_binary).
    from ansible.utils import ssh_functions
    ssh_functions.check_for_controlpersist("ssh")
    return plugin_state() == before


def ssh_binary():
    """The ssh that `check_for_controlpersist('ssh')` ran (PATH is compared anyway) and its file's state."""
    import shutil
    path = shutil.which("ssh")
    if path is None:
        return None
    try:
        st = os.stat(path)
        return path, st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev
    except OSError:
        return path


def after_fork():
    """In the step's process: what a fresh import creates per process, created anew."""
    locks = sys.modules.get("ansible.executor.action_write_locks")
    if locks is not None:
        # Semaphores the module's import created: the step's workers share them, never the zygote's other steps.
        from multiprocessing import Lock
        for key in list(locks.action_write_locks):
            locks.action_write_locks[key] = Lock()

# Polycrate.Build warm Ansible start, the zygote (docs/execution.md, "Warm Ansible start"); started by
# polycrate_warm_client.py as `PYTHON DIR/zygote.py DIR SCRIPT NAME READY_FD polycrate-warm-TOKEN` with the environment
# and working directory of the first step in that directory, by the interpreter of the ansible-playbook script.
#
# It imports Ansible once, recording what the import read (environment variables, config file, collection paths,
# cowsay, the imported modules' files), then forks one child per step whose inputs are the same; the child takes the
# step's fds, environment, directory, umask and argv, its own local temp dir and at-exit handlers, and runs
# ansible-playbook's entry point. Otherwise the step is answered "cold" and its client runs ansible-playbook itself.
import os
import socket
import struct
import sys

# Read at start-up by the C library or the interpreter, not through os.environ: always compared.
FIXED = ("HOME", "PATH", "USER", "LOGNAME", "TMPDIR", "TEMP", "TMP", "TZ", "LANG", "LANGUAGE", "TERM", "COLUMNS", "LINES")
FIXED_PREFIXES = ("LC_", "PYTHON")
COW_PATHS = ("/usr/bin/cowsay", "/usr/games/cowsay", "/usr/local/bin/cowsay", "/opt/local/bin/cowsay")


def recv_exact(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise EOFError("connection closed")
        data += chunk
    return data


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


def relevant(env, names):
    return {k: env.get(k) for k in names} | {k: v for k, v in env.items() if k.startswith(FIXED_PREFIXES)}


def config_state():
    from ansible.config.manager import find_ini_config_file
    found = find_ini_config_file(set())
    content = None
    if found:
        try:
            with open(found, "rb") as f:
                content = f.read()
        except OSError:
            content = b""
    cwd = os.stat(".")
    cows = tuple(os.path.exists(p) for p in COW_PATHS)
    return found, content, (cwd.st_mode, cwd.st_uid), cows, collection_paths()


def collection_paths():
    # What ansible.utils.collection_loader's finder kept at import: configured and sys.path entries with ansible_collections.
    from ansible import constants as C
    paths = [os.path.expanduser(p) for p in C.COLLECTIONS_PATHS or []]
    if C.COLLECTIONS_SCAN_SYS_PATH:
        paths.extend(sys.path)
    return [p for p in paths if os.path.isdir(os.path.join(p, "ansible_collections"))]


def file_state(path):
    # A fork runs what the zygote imported: once a step changed such a file (pip/apt upgrade), later steps run cold.
    try:
        st = os.stat(path)
        return st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev
    except OSError:
        return None


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


def zygote(args):
    directory, script, name, ready = args[0], args[1], args[2], int(args[3])
    import atexit
    sys.path[0] = os.path.dirname(script)
    # Import-time output would be lost in a warm start: capture it; any at all means this environment runs cold.
    capture = os.memfd_create("polycrate-warm-import")
    saved = os.dup(1), os.dup(2)
    os.dup2(capture, 1)
    os.dup2(capture, 2)
    registered = []
    register = atexit.register

    def recording_register(func, *a, **kw):
        registered.append((func, a, kw))
        return register(func, *a, **kw)

    recorder = Recorder()
    atexit.register = recording_register
    recorder.install()
    ok = False
    try:
        import ansible.cli.playbook  # noqa: F401 - the point: everything ansible-playbook imports before main()
        import ansible.executor.playbook_executor  # noqa: F401
        from ansible import constants as C
        memoize_builtin_routing()
        ok = True
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
    if not ok:
        open(os.path.join(directory, "cold-" + name), "w").close()
        os.write(ready, b"C")
        os._exit(0)
    local_tmp = C.DEFAULT_LOCAL_TMP
    local_tmp_base = os.path.dirname(local_tmp)
    import shutil
    shutil.rmtree(local_tmp, ignore_errors=True)
    names = recorder.names | set(FIXED)
    files = sorted({f for f in (getattr(m, "__file__", None) for m in list(sys.modules.values())) if isinstance(f, str)})
    inputs = relevant(dict(os.environ), names), os.getcwd(), config_state(), files, [file_state(f) for f in files]
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(os.path.join(directory, "zygote-%s.sock" % name))
    listener.listen(4)
    os.write(ready, b"R")
    os.close(ready)
    import gc
    gc.freeze()  # the children share the imported modules' pages instead of copying them at their first collection
    while True:
        conn, _ = listener.accept()
        try:
            serve(conn, listener, names, inputs, registered, local_tmp, local_tmp_base, os.path.join(directory, "served-" + name))
        except (OSError, EOFError, ValueError):
            pass
        finally:
            conn.close()


def serve(conn, listener, names, inputs, registered, local_tmp, local_tmp_base, served):
    import json
    header, fds, _flags, _addr = socket.recv_fds(conn, 4, 3)
    try:
        if len(header) != 4 or len(fds) != 3:
            raise EOFError("incomplete request")
        request = json.loads(recv_exact(conn, struct.unpack("!I", header)[0]).decode("utf-8", "surrogatepass"))
        env = request["env"]
        same = (relevant(env, names) == inputs[0] and request["cwd"] == inputs[1] and os.getcwd() == inputs[1]
                and request["ids"] == [os.getuid(), os.getgid(), sorted(os.getgroups())]
                and request["interpreter"] == sys.executable and config_state() == inputs[2]
                and [file_state(f) for f in inputs[3]] == inputs[4])
        if not same:
            conn.sendall(b"C\0\0\0\0")
            return
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            run_child(conn, listener, fds, request, registered, local_tmp, local_tmp_base)
        for fd in fds:
            os.close(fd)
        fds = []
        conn.sendall(b"W" + struct.pack("!i", pid))
        with open(served, "ab") as f:
            f.write(b"w")  # one byte per warm start: what -v reports per step (docs/execution.md)
        import select
        pidfd = os.pidfd_open(pid)
        try:
            ready, _, _ = select.select([pidfd, conn], [], [])
            if pidfd not in ready:
                # The client went away (its exec was killed): the step's process goes with it.
                os.kill(pid, 9)
        finally:
            os.close(pidfd)
        _, status = os.waitpid(pid, 0)
        conn.sendall(b"X" + struct.pack("!i", status))
    finally:
        for fd in fds:
            os.close(fd)


def run_child(conn, listener, fds, request, registered, local_tmp, local_tmp_base):
    code = 1
    try:
        conn.close()
        listener.close()
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        for fd in fds:
            if fd > 2:
                os.close(fd)
        os.umask(request["umask"])
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        import atexit
        import re
        import tempfile
        from ansible import constants as C
        import ansible.cli
        # A fresh process has its own local temp dir and the at-exit handlers its import registered; not the zygote's.
        os.makedirs(local_tmp_base, mode=0o700, exist_ok=True)
        own_tmp = tempfile.mkdtemp(prefix="ansible-local-%s" % os.getpid(), dir=local_tmp_base)
        C.DEFAULT_LOCAL_TMP = own_tmp
        atexit._clear()
        for func, a, kw in registered:
            atexit.register(func, *tuple(own_tmp if x == local_tmp else x for x in a), **kw)
        try:
            # The process name tools match on (ps, pgrep): the script's, as when the kernel runs it.
            with open("/proc/self/comm", "w") as comm:
                comm.write(os.path.basename(request["argv"][0])[:15])
        except OSError:
            pass
        sys.argv = list(request["argv"])
        sys.argv[0] = re.sub(r"(-script\.pyw|\.exe)?$", "", sys.argv[0])
        try:
            ansible.cli.check_blocking_io()
            from ansible.cli.playbook import main
            code = exit_code(main())
        except SystemExit as e:
            code = exit_code(e.code)
        except KeyboardInterrupt:
            import traceback
            traceback.print_exc()
            atexit._run_exitfuncs()
            flush()
            import signal
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGINT)
        except BaseException:
            sys.excepthook(*sys.exc_info())
            code = 1
        atexit._run_exitfuncs()
        flush()
    finally:
        os._exit(code)


def exit_code(value):
    # As the interpreter treats SystemExit's code.
    if value is None:
        return 0
    if isinstance(value, int):
        return value & 0xFF
    print(value, file=sys.stderr)
    return 1


def flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass


if __name__ == "__main__":
    zygote(sys.argv[1:])

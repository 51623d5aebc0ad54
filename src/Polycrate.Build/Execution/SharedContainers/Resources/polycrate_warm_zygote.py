# Polycrate.Build warm Ansible start, the zygote (docs/execution.md, "Warm Ansible start"); started by
# polycrate_warm_client.py as `PYTHON DIR/zygote.py DIR SCRIPT NAME READY_FD polycrate-warm-TOKEN` with the environment
# and working directory of the first step in that directory, by the interpreter of the ansible-playbook script.
#
# It imports Ansible once, recording what the import read (environment variables, config file, collection paths,
# cowsay, the imported modules' files), then forks one child per step whose inputs are the same; the child takes the
# step's fds, environment, directory, umask and argv, its own local temp dir and at-exit handlers, and runs
# ansible-playbook's entry point. Otherwise the step is answered "cold" and its client runs ansible-playbook itself.
# Right after the first fork it preloads (polycrate_warm_preload.py, DIR/preload.py) what every step loads again.
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


def relevant(env, names):
    return {k: env.get(k) for k in names} | {k: v for k, v in env.items() if k.startswith(FIXED_PREFIXES)}


def config_state(preload):
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
    return found, content, (cwd.st_mode, cwd.st_uid), cows, collection_paths(), preload.ssh_binary()


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


def load_preload(directory):
    # Executed as a module that is not in sys.modules: no step can import it or find it among its modules.
    import types
    module = types.ModuleType("polycrate_warm_preload")
    path = os.path.join(directory, "preload.py")
    with open(path, "rb") as f:
        exec(compile(f.read(), path, "exec"), module.__dict__)
    return module


def import_ansible(preload):
    import ansible.cli.playbook  # noqa: F401 - the point: everything ansible-playbook imports before main()
    import ansible.executor.playbook_executor  # noqa: F401
    preload.memoize_builtin_routing()


def inputs_of(z):
    # What a step's request is compared with. After the preloading (while the first step ran, which may have changed
    # files) only what is new is added: the states recorded at start stay, so such a change still sends steps cold.
    z["names"] = z["recorder"].names | set(FIXED)
    old = z.get("inputs")
    known = set(old[3]) if old else set()
    files = sorted({f for f in (getattr(m, "__file__", None) for m in list(sys.modules.values())) if isinstance(f, str)} - known)
    env = relevant(dict(os.environ), z["names"])
    if old:
        z["inputs"] = env, old[1], old[2], old[3] + files, old[4] + [file_state(f) for f in files]
    else:
        z["inputs"] = env, os.getcwd(), config_state(z["preload"]), files, [file_state(f) for f in files]


def zygote(args):
    directory, script, name, ready = args[0], args[1], args[2], int(args[3])
    sys.path[0] = os.path.dirname(script)
    z = {"recorder": None, "registered": [], "cold": os.path.join(directory, "cold-" + name), "pending": True}
    try:
        z["preload"] = preload = load_preload(directory)
        z["recorder"] = preload.Recorder()
    except BaseException:
        preload = None
    if preload is None or not preload.quietly(lambda: import_ansible(preload), z["recorder"], z["registered"]):
        open(z["cold"], "w").close()
        os.write(ready, b"C")
        os._exit(0)
    from ansible import constants as C
    z["local_tmp"] = local_tmp = C.DEFAULT_LOCAL_TMP
    z["local_tmp_base"] = os.path.dirname(local_tmp)
    import shutil
    shutil.rmtree(local_tmp, ignore_errors=True)
    inputs_of(z)
    z["served"] = os.path.join(directory, "served-" + name)
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
            serve(conn, listener, z)
        except (OSError, EOFError, ValueError):
            pass
        finally:
            conn.close()
        if z.get("stop"):
            os._exit(0)


def preload_after_first_fork(z):
    # While the first step runs (it was forked before this): load what later steps would each load again; the zygote
    # serves no step before this is done. When it loaded a plugin or printed anything, later steps run cold.
    z["pending"] = False
    if not z["preload"].quietly(z["preload"].preload, z["recorder"], z["registered"]):
        open(z["cold"], "w").close()
        z["stop"] = True
        return
    inputs_of(z)
    import gc
    gc.freeze()


def serve(conn, listener, z):
    import json
    header, fds, _flags, _addr = socket.recv_fds(conn, 4, 3)
    try:
        if len(header) != 4 or len(fds) != 3:
            raise EOFError("incomplete request")
        request = json.loads(recv_exact(conn, struct.unpack("!I", header)[0]).decode("utf-8", "surrogatepass"))
        env, inputs = request["env"], z["inputs"]
        same = (relevant(env, z["names"]) == inputs[0] and request["cwd"] == inputs[1] and os.getcwd() == inputs[1]
                and request["ids"] == [os.getuid(), os.getgid(), sorted(os.getgroups())]
                and request["interpreter"] == sys.executable and config_state(z["preload"]) == inputs[2]
                and [file_state(f) for f in inputs[3]] == inputs[4])
        if not same:
            conn.sendall(b"C\0\0\0\0")
            return
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            run_child(conn, listener, fds, request, z)
        for fd in fds:
            os.close(fd)
        fds = []
        conn.sendall(b"W" + struct.pack("!i", pid))
        with open(z["served"], "ab") as f:
            f.write(b"w")  # one byte per warm start: what -v reports per step (docs/execution.md)
        if z["pending"]:
            preload_after_first_fork(z)
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


def run_child(conn, listener, fds, request, z):
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
        local_tmp = z["local_tmp"]
        os.makedirs(z["local_tmp_base"], mode=0o700, exist_ok=True)
        own_tmp = tempfile.mkdtemp(prefix="ansible-local-%s" % os.getpid(), dir=z["local_tmp_base"])
        C.DEFAULT_LOCAL_TMP = own_tmp
        atexit._clear()
        for func, a, kw in z["registered"]:
            atexit.register(func, *tuple(own_tmp if x == local_tmp else x for x in a), **kw)
        try:
            # The process name tools match on (ps, pgrep): the script's, as when the kernel runs it.
            with open("/proc/self/comm", "w") as comm:
                comm.write(os.path.basename(request["argv"][0])[:15])
        except OSError:
            pass
        z["preload"].after_fork()
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

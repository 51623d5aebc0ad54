# Polycrate.Build warm Ansible start, the client (docs/execution.md, "Warm Ansible start"); the zygote is
# polycrate_warm_zygote.py.
#
# The step's exec runs `python3 -I -S -c SOURCE DIR TOKEN ansible-playbook ARGS...` in place of
#   ansible-playbook. It hands the zygote for its working directory (DIR/zygote-HASH.sock) its stdin/stdout/stderr (SCM_RIGHTS), argv,
#   environment, working directory, umask and ids, relays SIGTERM/SIGINT/SIGHUP/SIGQUIT/SIGUSR1/SIGUSR2 to the step's
#   process and ends as it ended (its exit code, or killed by the same signal). Whenever the warm path does not apply
#   it execs the command itself, exactly as `exec "$@"` would (the cold path).
# The first step in a working directory starts that directory's zygote (DIR/zygote.py) with its own environment and
# directory, by the interpreter of the ansible-playbook script.
import os
import socket
import struct
import sys

RELAYED = ("SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2")


def recv_answer(conn):
    # The zygote answers in single 5-byte writes (a letter and a 32-bit value): one waiting recv gets all of it (a
    # relayed signal before any byte arrived only restarts it, PEP 475).
    data = conn.recv(5, socket.MSG_WAITALL)
    if len(data) != 5:
        raise EOFError("connection closed")
    return data


def interpreter_of(script):
    # Only a plain `#!/path/python3` line: anything else (options, env) runs cold.
    with open(script, "rb") as f:
        line = f.readline(256).rstrip(b"\n").decode("utf-8", "strict")
    if not line.startswith("#!"):
        return None
    parts = line[2:].split()
    return parts[0] if len(parts) == 1 and os.path.basename(parts[0]).startswith("python") else None


def client(args):
    import shutil
    directory, token, command = args[0], args[1], args[2:]

    def cold():
        os.execvp(command[0], command)

    import hashlib
    name = hashlib.sha256(os.fsencode(os.getcwd())).hexdigest()[:16]
    script = shutil.which(command[0]) if command and command[0] == "ansible-playbook" else None
    if script is None or os.path.exists(os.path.join(directory, "cold-" + name)):
        cold()
    try:
        interpreter = interpreter_of(script)
    except (OSError, UnicodeError):
        interpreter = None
    if interpreter is None:
        cold()
    path = os.path.join(directory, "zygote-%s.sock" % name)
    try:
        conn = connect(path) or spawn(directory, token, interpreter, script, name, path)
    except OSError:
        conn = None
    if conn is None:
        cold()
    umask = os.umask(0)
    os.umask(umask)
    import json
    request = json.dumps({
        "argv": [script] + command[1:],
        "env": {os.fsdecode(k): os.fsdecode(v) for k, v in os.environb.items()},
        "cwd": os.getcwd(),
        "umask": umask,
        "ids": [os.getuid(), os.getgid(), sorted(os.getgroups())],
        "interpreter": interpreter,
    }).encode("utf-8", "surrogatepass")
    try:
        socket.send_fds(conn, [struct.pack("!I", len(request))], [0, 1, 2])
        conn.sendall(request)
        answer = recv_answer(conn)
    except (OSError, EOFError):
        cold()
    if answer[:1] != b"W":
        cold()
    child = struct.unpack("!i", answer[1:])[0]
    import signal

    def relay(signum, frame):
        try:
            os.kill(child, signum)
        except ProcessLookupError:
            pass

    for name in RELAYED:
        signal.signal(getattr(signal, name), relay)
    try:
        status = struct.unpack("!i", recv_answer(conn)[1:])[0]
    except (OSError, EOFError):
        os.write(2, b"polycrate-build: lost the step's process (warm Ansible start)\n")
        os._exit(1)
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number not in (signal.SIGKILL, signal.SIGSTOP):
            signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)
        os._exit(128 + number)
    os._exit(os.waitstatus_to_exitcode(status))


def connect(path):
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(path)
        return conn
    except (FileNotFoundError, ConnectionRefusedError):
        conn.close()
        return None


def spawn(directory, token, interpreter, script, name, path):
    import subprocess
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    read, write = os.pipe()
    with open(os.devnull, "r+b") as null:
        subprocess.Popen([interpreter, os.path.join(directory, "zygote.py"), directory, script, name, str(write), "polycrate-warm-" + token],
                         stdin=null, stdout=null, stderr=null, pass_fds=(write,), start_new_session=True)
    os.close(write)
    with os.fdopen(read, "rb") as ready:
        verdict = ready.read(1)
    return connect(path) if verdict == b"R" else None


if __name__ == "__main__":
    client(sys.argv[1:])

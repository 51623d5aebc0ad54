namespace Polycrate.Build.Execution.SharedContainers;

/// <summary>
/// Decides, inside each step's own exec, whether the steps before left the shared container as it started, so the step
/// sees what a container of its own would show — without a separate exec. A small <c>sh</c> wrapper (<see cref="Script"/>)
/// lists what a step could leave behind — processes still running, entries in <c>/tmp</c>, <c>/var/tmp</c>, <c>/root</c>
/// and the home directory (four levels deep) — and reduces the listing to a checksum. The container's first step
/// records the checksum (its listing is the start state); a later step whose listing differs does not run: the wrapper
/// reports the traces instead, and the caller replaces the container and runs the step in a fresh one. When the
/// listing matches, the wrapper replaces itself with the step's command (<c>exec</c>), so the command is the exec's
/// process exactly as before. The wrapper's verdict is the first stdout line, tagged with a per-exec nonce
/// (<see cref="LeftoverVerdict"/>). Tolerated: the warm-start zygotes (<see cref="WarmStart"/>, marked
/// <c>polycrate-warm-TOKEN</c>), SSH control masters (<c>ssh</c> processes adopted by the init process)
/// and the <c>~/.ssh/known_hosts</c> they write, which are the point of sharing, and the directories Ansible creates on
/// every run (<c>~/.ansible</c>, <c>~/.ansible/tmp</c>; a file inside is listed). Not covered: changes elsewhere in the
/// container's filesystem (installing packages, editing /etc) — workflows whose steps do that use
/// <c>--isolate-steps</c> (docs/execution.md). The engine's own change list (<c>docker diff</c>) would cover everything
/// but takes seconds on an 800 MB image.
/// </summary>
internal static class LeftoverCheck
{
    /// <summary>Tags the wrapper's verdict line: <c>polycrate-step NONCE ok CHECKSUM | traces | unchecked</c>.</summary>
    public const string MarkerPrefix = "polycrate-step ";

    /// <summary>The argument a warm-start zygote carries (with the container's idle token) so the wrapper leaves it out.</summary>
    public const string WarmNamePrefix = "polycrate-warm-";

    /// <summary>What the idle process calls itself (<c>$0</c>, with the container's token) so the wrapper can leave it and its <c>sleep</c> out.</summary>
    public const string IdleNamePrefix = "polycrate-idle-";

    /// <summary>
    /// The wrapper. Arguments: the container's idle token, the exec's nonce, the checksum of the start state ("-" for
    /// the container's first step), then the step's command. Tools it needs: <c>grep</c>, <c>find</c>, <c>sort</c>,
    /// <c>cksum</c>; without them the verdict is "unchecked" (the step runs, the container is not reused).
    /// </summary>
    public const string Script = """
        t=$1 n=$2 want=$3
        shift 3
        for tool in grep find sort cksum; do
          if ! command -v "$tool" >/dev/null 2>&1; then echo "polycrate-step $n unchecked"; exec "$@"; fi
        done
        I=
        for f in $(grep -ls "[p]olycrate-idle-$t" /proc/[0-9]*/cmdline 2>/dev/null); do I=${f#/proc/}; I=${I%/cmdline}; done
        W=" "
        for f in $(grep -ls "[p]olycrate-warm-$t" /proc/[0-9]*/cmdline 2>/dev/null); do f=${f#/proc/}; W="$W${f%/cmdline} "; done
        list() {
          for d in /proc/[0-9]*; do
            p=${d#/proc/}
            if [ "$p" = 1 ] || [ "$p" = $$ ] || [ "$p" = "$I" ]; then continue; fi
            case "$W" in *" $p "*) continue ;; esac
            c=; pp=
            read -r c < "$d/comm" 2>/dev/null || continue
            while read -r k v _; do if [ "$k" = PPid: ]; then pp=$v; break; fi; done < "$d/status" 2>/dev/null
            if [ "$pp" = $$ ] || [ "$pp" = "$I" ]; then continue; fi
            if [ "$c" = ssh ] && [ "$pp" = 1 ]; then continue; fi
            echo "process $p $c"
          done
          h=$HOME
          if [ "$h" = /root ]; then h=; fi
          for dir in /tmp /var/tmp /root ${h:+"$h"}; do
            if [ -d "$dir" ] && [ "$dir" != / ]; then
              find "$dir" -mindepth 1 -maxdepth 4 ! -path "$dir/.ansible" ! -path "$dir/.ansible/tmp" ! -path "$dir/.ansible/cp" ! -path "$dir/.ansible/cp/*" ! -path "$dir/.ssh/known_hosts" ! -path "$dir/.ssh/known_hosts.old" 2>/dev/null
            fi
          done | sort
        }
        l=$(list)
        sum=$(printf '%s\n' "$l" | cksum)
        if [ "$want" != - ] && [ "$sum" != "$want" ]; then
          echo "polycrate-step $n traces"
          printf '%s\n' "$l"
          exit 0
        fi
        echo "polycrate-step $n ok $sum"
        exec "$@"
        """;

    /// <summary>The exec's command: the wrapper around <paramref name="command"/>.</summary>
    public static IReadOnlyList<string> Wrap(string idleToken, string nonce, string? startChecksum, IReadOnlyList<string> command) =>
        ["sh", "-c", Script, "sh", idleToken, nonce, startChecksum ?? "-", .. command];
}

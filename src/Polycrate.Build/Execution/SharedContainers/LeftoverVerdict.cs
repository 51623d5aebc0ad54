using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Execution.SharedContainers;

/// <summary>What the wrapper (<see cref="LeftoverCheck"/>) said before the step's command ran.</summary>
internal enum LeftoverState
{
    /// <summary>No verdict line (yet): the wrapper did not run; the container's state is unknown.</summary>
    Unknown,

    /// <summary>The container is as it started; the step ran. <see cref="LeftoverVerdict.Checksum"/> holds the start state's checksum.</summary>
    Clean,

    /// <summary>An earlier step left traces; the step did NOT run (the container must be replaced).</summary>
    Traces,

    /// <summary>The image lacks a tool the check needs; the step ran, the container must not serve another.</summary>
    Unchecked,
}

/// <summary>
/// Reads the wrapper's verdict from the first stdout line of a step's exec (tagged with the exec's nonce, which the step's
/// own output cannot know in advance) and passes every other line to the step's output unchanged. After a "traces"
/// verdict nothing is passed on: the wrapper's listing is not the step's output.
/// </summary>
internal sealed class LeftoverVerdict(string nonce, Action<string, bool> onOutputLine)
{
    private const int KeptTraceLines = 20;

    private readonly string _marker = LeftoverCheck.MarkerPrefix + nonce + " ";
    private readonly List<string> _traces = [];
    private bool _first = true;

    /// <summary>The exec's nonce, to hand to the wrapper.</summary>
    public string Nonce => nonce;

    public LeftoverState State { get; private set; }

    /// <summary>The start state's checksum (with <see cref="LeftoverState.Clean"/>).</summary>
    public string? Checksum { get; private set; }

    /// <summary>The first lines of the listing with <see cref="LeftoverState.Traces"/> (for the debug log).</summary>
    public IReadOnlyList<string> Traces => _traces;

    /// <summary>The exec's output, as the exec runner delivers it.</summary>
    public ContainerOutput Output => new(OnStdout, OnStderr);

    private void OnStdout(string line)
    {
        if (_first)
        {
            _first = false;
            if (line.StartsWith(_marker, StringComparison.Ordinal))
            {
                var verdict = line[_marker.Length..];
                var clean = verdict.StartsWith("ok ", StringComparison.Ordinal);
                State = clean ? LeftoverState.Clean : verdict == "traces" ? LeftoverState.Traces : LeftoverState.Unchecked;
                Checksum = clean ? verdict[3..] : null;
                return;
            }
        }

        if (State == LeftoverState.Traces)
        {
            if (_traces.Count < KeptTraceLines)
            {
                _traces.Add(line);
            }

            return;
        }

        onOutputLine(line, false);
    }

    private void OnStderr(string line)
    {
        if (State != LeftoverState.Traces)
        {
            onOutputLine(line, true);
        }
    }
}

using Polycrate.Build.Model;

namespace Polycrate.Build.Execution.Preparation;

/// <summary>An ordered set of environment variables, one entry per name, where the caller says which side wins.</summary>
internal sealed class EnvironmentList
{
    private readonly List<EnvironmentEntry> _entries = [];

    public IReadOnlyList<EnvironmentEntry> Entries => _entries;

    /// <summary>Sets <paramref name="name"/>, replacing an earlier value (moved to the end); null values are skipped.</summary>
    public void Set(string name, string? value)
    {
        if (value is not null)
        {
            _entries.RemoveAll(e => e.Name == name);
            _entries.Add(new EnvironmentEntry(name, value));
        }
    }

    /// <summary>Adds <paramref name="entry"/> only when no variable of that name is set yet.</summary>
    public void AddIfMissing(EnvironmentEntry entry)
    {
        if (!_entries.Exists(e => e.Name == entry.Name))
        {
            _entries.Add(entry);
        }
    }
}

namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// The container create as the image check (no inspect before it, see <see cref="ContainerCreation.CreateProvidingAsync"/>):
/// makes an image available that a create found missing (a pull, or the 'never' refusal), and records what the creates
/// found, so the run's image status says what happened ("pulled", "present") instead of guessing before the create.
/// One per run; thread-safe (steps may create containers in parallel).
/// </summary>
internal sealed class ImageAtCreate(Func<string, CancellationToken, Task> provide)
{
    private int _pulled;
    private int _created;

    /// <summary>A create found the image missing and it was made available (pulled).</summary>
    public bool Pulled => Volatile.Read(ref _pulled) == 1;

    /// <summary>A container was created from the image (so it is there, pulled or not).</summary>
    public bool Created => Volatile.Read(ref _created) == 1;

    /// <summary>Makes <paramref name="image"/> available after a create's 404 "no such image"; throws what the provider throws.</summary>
    public async Task ProvideAsync(string image, CancellationToken cancellationToken)
    {
        await provide(image, cancellationToken);
        Interlocked.Exchange(ref _pulled, 1);
    }

    /// <summary>Told by every create that succeeded.</summary>
    public void ContainerCreated() => Interlocked.Exchange(ref _created, 1);
}

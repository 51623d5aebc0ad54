namespace Cake.Polycrate;

/// <summary>Settings of <see cref="PolycrateTasksAliases.PolycrateRegisterTasks"/>: how the registered tasks run.</summary>
public sealed class PolycrateTasksSettings : PolycrateSettings
{
}

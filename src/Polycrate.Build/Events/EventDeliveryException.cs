using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Events;

/// <summary>Required events (<c>events.required: true</c>) could not be delivered. Exit code 1.</summary>
internal sealed class EventDeliveryException(string message, SourceLocation? location) : PolycrateException(message)
{
    public const string DeliveryFailedCode = DiagnosticCodes.EventDeliveryFailed;

    public override string Code => DeliveryFailedCode;

    public override SourceLocation? Location { get; } = location;
}

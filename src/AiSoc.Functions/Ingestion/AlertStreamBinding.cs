namespace AiSoc.Functions.Ingestion;

/// <summary>
/// Setting names of the <c>AlertStream</c> Event Hubs trigger. The trigger attribute uses these constants, and the
/// binding check test reads them, because a plain build leaves the trigger and its function metadata out.
/// </summary>
public static class AlertStreamBinding
{
    /// <summary>Event hub name, resolved from the app setting <c>AlertStream__EventHubName</c>.</summary>
    public const string EventHubName = "%AlertStream:EventHubName%";

    /// <summary>Connection prefix; identity-based, so the host reads <c>AlertStream__fullyQualifiedNamespace</c>.</summary>
    public const string Connection = "AlertStream";

    /// <summary>Consumer group, resolved from the app setting <c>AlertStream__ConsumerGroup</c>.</summary>
    public const string ConsumerGroup = "%AlertStream:ConsumerGroup%";
}

namespace AiSoc.Integrations.Recording;

/// <summary>
/// Collects the tenant calls made in the current async flow. <see cref="TenantCallRecordingHandler"/>, which
/// <see cref="TenantIntegrationServices"/> puts innermost in every tenant client, reports each request to the open
/// scopes. In a dry-run scope writes get a local response, so they are recorded but never sent.
/// </summary>
public static class TenantCallRecorder
{
    private static readonly AsyncLocal<RecordingScope?> Current = new();

    /// <summary>The innermost open scope of this async flow, or null.</summary>
    internal static RecordingScope? Active => Current.Value;

    /// <summary>Opens a scope. Calls made until it is disposed are added to it and to every enclosing scope.</summary>
    /// <param name="dryRun">True to give writes a local response instead of sending them. An enclosing dry-run scope makes this one dry-run too.</param>
    public static RecordingScope Begin(bool dryRun)
    {
        var parent = Current.Value;
        var scope = new RecordingScope(parent, dryRun || parent?.DryRun == true, () => Current.Value = parent);
        Current.Value = scope;
        return scope;
    }
}

/// <summary>The calls recorded between <see cref="TenantCallRecorder.Begin"/> and <see cref="Dispose"/>.</summary>
public sealed class RecordingScope : IDisposable
{
    private readonly RecordingScope? parent;
    private readonly Action restore;
    private readonly Lock gate = new();
    private readonly List<TenantCall> calls = [];

    internal RecordingScope(RecordingScope? parent, bool dryRun, Action restore)
    {
        this.parent = parent;
        this.restore = restore;
        DryRun = dryRun;
    }

    /// <summary>True when writes get a local response and are never sent.</summary>
    public bool DryRun { get; }

    /// <summary>The calls in the order they were made.</summary>
    public IReadOnlyList<TenantCall> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public void Dispose() => restore();

    internal void Add(TenantCall call)
    {
        lock (gate)
        {
            calls.Add(call);
        }

        parent?.Add(call);
    }
}

namespace AiSoc.Core.Baselines;

/// <summary>
/// Baseline state by scope name, such as a tenant or an environment, saved with optimistic concurrency. A load
/// returns a version token, and a save with that token fails when another run saved in between. Two runs therefore
/// cannot silently overwrite each other's learning.
/// </summary>
public interface IBaselineStateRepository
{
    /// <summary>Loads the state of <paramref name="scope"/>, or an empty state with a null version when none is saved.</summary>
    /// <exception cref="BaselineStateException">The stored state cannot be read, is invalid or has another format version.</exception>
    Task<VersionedBaselineState> LoadAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="state"/> as the state of <paramref name="scope"/> when the stored version is still
    /// <paramref name="expectedVersion"/> (null: nothing is saved yet), and returns the new version.
    /// </summary>
    /// <exception cref="BaselineStateConflictException">Another run saved the scope after <paramref name="expectedVersion"/> was loaded.</exception>
    /// <exception cref="BaselineStateException">The state cannot be written.</exception>
    Task<string> SaveAsync(string scope, BaselineState state, string? expectedVersion, CancellationToken cancellationToken = default);
}

/// <summary>A loaded baseline state and the version token to save it back with.</summary>
/// <param name="State">The state; empty when nothing is saved.</param>
/// <param name="Version">The version token; null when nothing is saved.</param>
public sealed record VersionedBaselineState(BaselineState State, string? Version);

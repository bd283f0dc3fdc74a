namespace AiSoc.Core.Baselines;

/// <summary>Names of Windows logon types, as event 4624 documents them.</summary>
internal static class LogonTypes
{
    /// <summary>Returns the type with its name, such as "3 (Network)", or the number alone when it has no name.</summary>
    public static string Describe(string type) => type switch
    {
        "0" => "0 (System)",
        "2" => "2 (Interactive)",
        "3" => "3 (Network)",
        "4" => "4 (Batch)",
        "5" => "5 (Service)",
        "7" => "7 (Unlock)",
        "8" => "8 (NetworkCleartext)",
        "9" => "9 (NewCredentials)",
        "10" => "10 (RemoteInteractive)",
        "11" => "11 (CachedInteractive)",
        "12" => "12 (CachedRemoteInteractive)",
        "13" => "13 (CachedUnlock)",
        _ => type,
    };
}

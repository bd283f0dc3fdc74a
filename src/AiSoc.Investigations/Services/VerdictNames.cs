using AiSoc.Core.Schema;

namespace AiSoc.Investigations.Services;

/// <summary>Lower-case verdict names as case records, reports and the status route show them.</summary>
public static class VerdictNames
{
    /// <summary>Returns the name of <paramref name="verdict"/>, such as <c>malicious</c> or <c>needs-context</c>.</summary>
    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Benign => "benign",
        Verdict.Suspicious => "suspicious",
        Verdict.Malicious => "malicious",
        _ => "needs-context",
    };
}

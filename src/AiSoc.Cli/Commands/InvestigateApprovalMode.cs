namespace AiSoc.Cli.Commands;

/// <summary>How the local runner decides approval requests.</summary>
internal enum InvestigateApprovalMode
{
    /// <summary>Approve every request; allowed only in dry-run mode.</summary>
    All,

    /// <summary>Reject every request, so every action that needs approval is recorded as rejected.</summary>
    None,

    /// <summary>Prompt on the terminal for each request.</summary>
    Ask,
}

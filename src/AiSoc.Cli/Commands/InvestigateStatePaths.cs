namespace AiSoc.Cli.Commands;

/// <summary>The files of a local investigation run's state folder, shared by <c>aisoc investigate</c> and <c>aisoc approve</c>.</summary>
internal sealed record InvestigateStatePaths(string Root)
{
    /// <summary>Returns the state folder inside an investigate output folder.</summary>
    public static InvestigateStatePaths InOutput(string outDirectory) => new(Path.Combine(outDirectory, "state"));

    public string Incidents => Path.Combine(Root, "incidents");

    public string Approvals => Path.Combine(Root, "approvals");

    public string RateCounters => Path.Combine(Root, "rate-counters");

    public string AuditLog => Path.Combine(Root, "audit.ndjson");

    /// <summary>Audit file of <c>aisoc approve</c>; separate because one audit file takes one writer process.</summary>
    public string ApproveAuditLog => Path.Combine(Root, "approve-audit.ndjson");

    public string Notices => Path.Combine(Root, "notices.ndjson");

    /// <summary>State and request log of the fake tenant that <c>--fake-tenant</c> started, written when the run ends.</summary>
    public string FakeTenant => Path.Combine(Root, "fake-tenant.json");
}

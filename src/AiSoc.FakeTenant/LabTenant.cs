namespace AiSoc.FakeTenant;

/// <summary>
/// The identifiers of the lab tenant, matching the hand-written alerts in <c>samples/alerts</c>: one intrusion
/// against Megan Bowen, her workstation and a file server, plus the other users and devices those alerts name.
/// </summary>
public static class LabTenant
{
    public const string MeganId = "6e8e2b6a-3f1c-4c1e-9a43-2f5d1b7c8a10";
    public const string MeganUpn = "megan.bowen@contoso.com";
    public const string LeeId = "3b7c1e5a-9d2f-4c8b-a6e0-5f4d3c2b1a09";
    public const string LeeUpn = "lee.gu@contoso.com";
    public const string AdeleId = "8f4a2c1e-6b3d-4e5f-9a7c-1d2e3f4a5b6c";
    public const string AdeleUpn = "adele.vance@contoso.com";

    /// <summary>A Global Administrator, so the privileged-user check has a target.</summary>
    public const string AdminId = "c0ffee00-1234-4abc-8def-0123456789ab";
    public const string AdminUpn = "it.admin@contoso.com";

    public const string WorkstationId = "2853c56d6a2e908273a436cb2688a8952b1385e8";
    public const string WorkstationDnsName = "ws-finance-07.contoso.com";
    public const string FileServerId = "f7b336694deb5ae335fc3f9f162865d050b62f3f";
    public const string FileServerDnsName = "srv-file-01.contoso.com";
    public const string HrWorkstationId = "a00149bc2bd2e2bcb653c9df8a4c68768522a1c1";
    public const string HrWorkstationDnsName = "ws-hr-03.contoso.com";

    /// <summary>SHA-1 of <c>payload.exe</c>, reported on the finance workstation.</summary>
    public const string PayloadSha1 = "bde503f039811944f6922bb704cb403a27199e18";

    /// <summary>Graph security alert ids of <c>graph-alerts-v2.json</c>.</summary>
    public static readonly IReadOnlyList<string> GraphAlertIds =
        ["fa9bd57b07-7c82-44b2-8cbf-3d0b458d0d45", "da638663527411384512_-1046617453", "aa41394dd3-fb78-4648-a625-4ec536043e3b"];

    /// <summary>ARM id of the Sentinel workspace of <c>sentinel-incident.json</c>.</summary>
    public const string SentinelWorkspacePath =
        "/subscriptions/9d3b6f2e-1a4c-4e8b-b7d5-3c2a1f0e9d8b/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc-prod";

    public const string SentinelIncidentName = "df42bcdb-bc4e-4a00-a7da-8ccc1f6cde06";

    /// <summary>Adds the lab users, roles and security alerts to <paramref name="graph"/>.</summary>
    public static void Seed(FakeGraphServer graph)
    {
        ArgumentNullException.ThrowIfNull(graph);

        var megan = graph.AddUser(MeganId, MeganUpn);
        megan.Groups.Add("Finance");
        megan.RiskState = "atRisk";
        graph.AddUser(LeeId, LeeUpn).Groups.Add("HR");
        graph.AddUser(AdeleId, AdeleUpn).Groups.Add("Sales");
        graph.AddUser(AdminId, AdminUpn).Roles.Add((FakeGraphServer.GlobalAdministratorTemplateId, "Global Administrator"));

        foreach (var id in GraphAlertIds)
        {
            graph.AddAlert(id);
        }
    }

    /// <summary>Adds the lab devices and the payload file to <paramref name="defender"/>.</summary>
    public static void Seed(FakeDefenderServer defender)
    {
        ArgumentNullException.ThrowIfNull(defender);

        defender.AddMachine(WorkstationId, WorkstationDnsName);
        defender.AddMachine(FileServerId, FileServerDnsName);
        defender.AddMachine(HrWorkstationId, HrWorkstationDnsName);
        defender.AddFileOnMachine(PayloadSha1, WorkstationId);
    }

    /// <summary>Adds the Sentinel incident of <c>sentinel-incident.json</c> to <paramref name="arm"/>.</summary>
    public static void Seed(FakeArmServer arm)
    {
        ArgumentNullException.ThrowIfNull(arm);

        arm.AddIncident(SentinelWorkspacePath, SentinelIncidentName, "Mailbox access and forwarding rule from an anonymizing proxy for megan.bowen");
    }
}

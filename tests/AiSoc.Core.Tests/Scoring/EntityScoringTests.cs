using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;
using static AiSoc.Core.Tests.Scoring.TestAlerts;

namespace AiSoc.Core.Tests.Scoring;

public class EntityScoringTests
{
    private const string AliceOid = "4c5a1f0e-2b7d-4e8a-9c3f-1a2b3c4d5e6f";
    private const string AdminSid = "S-1-5-21-1004336348-1177238915-682003330-512";
    private const string DeviceId = "a3c4e1f2b5d6978812345678901234567890abcd";

    private static RuleBasedScorer Scorer()
    {
        var options = new ScoringOptions
        {
            PrivilegedAccounts = { "Alice@Contoso.com", AliceOid, AdminSid, "svc-backup", "CONTOSO\\da-bob" },
            CriticalHosts = { "DC01.contoso.com", "sql01", DeviceId },
        };
        return new RuleBasedScorer(options);
    }

    [Fact]
    public void Assess_PrivilegedUpnAnyCase_AddsPoints()
    {
        var alert = Create("crit-1", [Upn("alice@contoso.com")], severity: Severity.Informational);

        var assessment = Scorer().Assess(alert, AlertContext.None);

        Assert.Equal(20, assessment.Score);
        Assert.Contains("Touches privileged account alice@contoso.com (+20)", assessment.Reasons);
    }

    [Fact]
    public void Assess_PrivilegedObjectId_ShowsUpnWhenKnown()
    {
        var account = EntityFactory.Account(objectId: AliceOid.ToUpperInvariant(), upn: "alice.smith@contoso.com");
        var alert = Create("crit-2", [account], severity: Severity.Informational);

        var assessment = Scorer().Assess(alert, AlertContext.None);

        Assert.Contains("Touches privileged account alice.smith@contoso.com (+20)", assessment.Reasons);
    }

    [Fact]
    public void Assess_PrivilegedSid_AddsPoints()
    {
        var account = EntityFactory.Account(sid: AdminSid.ToLowerInvariant());
        var alert = Create("crit-3", [account], severity: Severity.Informational);

        var assessment = Scorer().Assess(alert, AlertContext.None);

        Assert.Contains($"Touches privileged account {AdminSid} (+20)", assessment.Reasons);
    }

    [Fact]
    public void Assess_PrivilegedName_AddsPoints()
    {
        var account = EntityFactory.Account(name: "SVC-BACKUP", sid: "S-1-5-21-1-2-3-1105");
        var alert = Create("crit-4", [account], severity: Severity.Informational);

        var assessment = Scorer().Assess(alert, AlertContext.None);

        Assert.Equal(20, assessment.Score);
    }

    [Fact]
    public void Assess_PrivilegedDomainQualifiedName_AddsPoints()
    {
        var account = EntityFactory.Account(name: "da-bob", ntDomain: "contoso", sid: "S-1-5-21-1-2-3-1106");
        var alert = Create("crit-5", [account], severity: Severity.Informational);

        var assessment = Scorer().Assess(alert, AlertContext.None);

        Assert.Equal(20, assessment.Score);
    }

    [Theory]
    [InlineData("dc01.CONTOSO.com", null)]
    [InlineData("SQL01", null)]
    [InlineData(null, DeviceId)]
    public void Assess_CriticalHost_AddsPoints(string? hostName, string? deviceId)
    {
        var host = EntityFactory.Host(hostName: hostName, defenderDeviceId: deviceId?.ToUpperInvariant());
        var alert = Create("crit-6", [host], severity: Severity.Informational);

        var assessment = Scorer().Assess(alert, AlertContext.None);

        Assert.Equal(15, assessment.Score);
        Assert.Contains(assessment.Reasons, r => r.StartsWith("Touches critical host ", StringComparison.Ordinal) && r.EndsWith("(+15)", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_CriticalHostByFqdn_NamesFqdn()
    {
        var alert = Create("crit-7", [Host("dc01.contoso.com")], severity: Severity.Informational);

        var assessment = Scorer().Assess(alert, AlertContext.None);

        Assert.Contains("Touches critical host dc01.contoso.com (+15)", assessment.Reasons);
    }

    [Fact]
    public void Assess_SeveralPrivilegedAccounts_AddsPointsOnce()
    {
        var alert = Create("crit-8", [Upn("alice@contoso.com"), EntityFactory.Account(sid: AdminSid)], severity: Severity.Informational);

        var assessment = Scorer().Assess(alert, AlertContext.None);

        Assert.Equal(20, assessment.Score);
        Assert.Contains($"Touches privileged accounts alice@contoso.com, {AdminSid} (+20)", assessment.Reasons);
    }

    [Fact]
    public void Assess_OrdinaryAccountAndHost_AddsNoCriticality()
    {
        var alert = Create("crit-9", [Upn("carol@contoso.com"), Host("ws042.contoso.com")], severity: Severity.Informational);

        var assessment = Scorer().Assess(alert, AlertContext.None);

        Assert.Equal(0, assessment.Score);
    }

    [Fact]
    public void Assess_LongPrivilegedIdentifier_ClipsReason()
    {
        var longUpn = new string('a', 150) + "@contoso.com";
        var options = new ScoringOptions { PrivilegedAccounts = { longUpn } };
        var alert = Create("crit-10", [Upn(longUpn)], severity: Severity.Informational);

        var assessment = new RuleBasedScorer(options).Assess(alert, AlertContext.None);

        var reason = Assert.Single(assessment.Reasons, r => r.StartsWith("Touches", StringComparison.Ordinal));
        Assert.Contains(new string('a', 64) + "...", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("@contoso.com", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_AttackerControlledText_NeverInReasons()
    {
        var process = new ProcessEntity { CommandLine = "powershell -enc SQBFAFgA-SECRET-PAYLOAD", ImageFileName = "powershell.exe" };
        var mail = new MailMessageEntity { Subject = "Invoice SECRET-SUBJECT", NetworkMessageId = "6b9f3f4e-0000-4000-8000-000000000001" };
        var alert = Create("crit-11", [process, mail, Upn("carol@contoso.com")], severity: Severity.High,
            title: "Suspicious PowerShell SECRET-TITLE");

        var assessment = Scorer().Assess(alert, AlertContext.None);

        Assert.DoesNotContain(assessment.Reasons, r => r.Contains("SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_BuiltInOnly_SubtractsPoints()
    {
        var system = EntityFactory.Account(sid: "S-1-5-18", name: "SYSTEM");
        var alert = Create("builtin-1", [system, Ip("10.0.0.5")], severity: Severity.Medium);

        var assessment = Scorer().Assess(alert, AlertContext.None);

        Assert.Equal(25 - 10, assessment.Score);
        Assert.Contains("Only built-in accounts and private IPs are involved (-10)", assessment.Reasons);
    }

    [Fact]
    public void Assess_BuiltInAccountWithHost_KeepsPoints()
    {
        var system = EntityFactory.Account(sid: "S-1-5-18");
        var alert = Create("builtin-2", [system, Host("ws042.contoso.com")], severity: Severity.Medium);

        var assessment = Scorer().Assess(alert, AlertContext.None);

        Assert.Equal(25, assessment.Score);
    }
}

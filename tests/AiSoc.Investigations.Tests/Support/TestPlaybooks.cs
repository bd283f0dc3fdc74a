using AiSoc.Core.Response;

namespace AiSoc.Investigations.Tests.Support;

/// <summary>A playbook with a low-impact automatic action and a high-impact action that needs approval.</summary>
internal static class TestPlaybooks
{
    public static PlaybookCatalog AccountPlaybook(string approvalTimeout = "PT1H") => PlaybookLoader.LoadFiles(
    [
        ("test-account.yaml", $"""
            id: test-account
            name: Test account containment
            match:
              entityKinds: [account]
              minimumVerdict: suspicious
            actions:
              - id: revoke-sessions
                type: revoke-sessions
                target: account
                impact: low
                autoRun: true
                approvalTimeout: {approvalTimeout}
                escalateTo: soc-tier2
              - id: disable-user
                type: disable-user
                target: account
                impact: high
                approvalTimeout: {approvalTimeout}
                escalateTo: soc-lead
            """),
    ]);
}

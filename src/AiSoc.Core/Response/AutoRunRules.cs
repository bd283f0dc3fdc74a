using System.Globalization;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Response;

// The rules that must all pass for an action to run without approval, except the blast-radius limit, which
// consumes a counter and runs once at evaluation. Returns one reason per failed rule; empty means all passed.
internal static class AutoRunRules
{
    public static List<string> Failures(ProposedAction action, PolicyContext context, ResponsePolicyOptions options, DateTimeOffset now)
    {
        var failures = new List<string>();

        if (!action.AutoRun)
        {
            failures.Add("the playbook requires approval for this action");
        }

        if (options.KillSwitch)
        {
            failures.Add("the kill switch is on, so no action runs automatically");
        }

        if (context.Verdict == Verdict.NeedsContext)
        {
            failures.Add("the incident needs context, so a person decides");
        }
        else if (Rank(context.Verdict) < Rank(options.MinimumAutoVerdict))
        {
            failures.Add($"verdict {Name(context.Verdict)} is below the automatic minimum {Name(options.MinimumAutoVerdict)}");
        }

        if (context.Confidence is not { } confidence)
        {
            failures.Add("the verdict has no confidence");
        }
        else if (confidence < options.MinimumAutoConfidence)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"confidence {confidence:0.###} is below the automatic minimum {options.MinimumAutoConfidence:0.###}"));
        }

        if (action.Impact > options.MaxAutoImpact)
        {
            failures.Add($"impact {Name(action.Impact)} is above the automatic maximum {Name(options.MaxAutoImpact)}");
        }

        if (ActionCatalog.IsContainment(action.Type))
        {
            AddContainmentFailures(action, context, options, now, failures);
        }

        return failures;
    }

    private static void AddContainmentFailures(ProposedAction action, PolicyContext context, ResponsePolicyOptions options, DateTimeOffset now, List<string> failures)
    {
        if (ProtectedEntityRules.ProtectionReason(action.Target.Entity, options) is { } protection)
        {
            failures.Add(protection + ", so it is never contained automatically");
        }

        var age = now - context.LatestActivityAt;
        if (age > options.MaxAlertAgeForAuto)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"the newest alert activity is {age.TotalHours:0.#} h old, above the automatic maximum of {options.MaxAlertAgeForAuto.TotalHours:0.#} h"));
        }
    }

    private static int Rank(Verdict verdict) => verdict switch
    {
        Verdict.Malicious => 2,
        Verdict.Suspicious => 1,
        _ => 0,
    };

    private static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Benign => "benign",
        Verdict.Suspicious => "suspicious",
        Verdict.Malicious => "malicious",
        _ => "needs-context",
    };

    private static string Name(ImpactLevel impact) => impact.ToString().ToLowerInvariant();
}

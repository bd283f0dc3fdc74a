using System.Globalization;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Correlation;

/// <summary>Decides which keys must not link alerts: ignored values, prevalent values and ambiguous weak keys.</summary>
internal sealed class KeyHoldBacks
{
    private readonly HoldBackReason?[] _reasons;
    private readonly string?[] _details;

    public KeyHoldBacks(KeyIndex index, NormalizedAlert[] alerts, CorrelationOptions options, IgnoreList ignoreList)
    {
        _reasons = new HoldBackReason?[index.KeyCount];
        _details = new string?[index.KeyCount];
        var prevalence = KeyPrevalence.MaxAlertsInWindow(index, alerts, options.Window, options.PrevalenceLimit);

        for (var key = 0; key < index.KeyCount; key++)
        {
            if (ignoreList.Contains(index.KeyText(key)))
            {
                Hold(key, HoldBackReason.IgnoreList, "on the ignore list");
            }
            else if (prevalence[key] > options.PrevalenceLimit)
            {
                Hold(key, HoldBackReason.Prevalence,
                    $"seen in {prevalence[key]} alerts within {FormatWindow(options.Window)}, limit {options.PrevalenceLimit}");
            }
        }

        HoldAmbiguousWeakKeys(index);
    }

    public bool IsHeld(int key) => _reasons[key] is not null;

    /// <summary>Returns the reason and detail of a held key; call only when <see cref="IsHeld"/> is true.</summary>
    public (HoldBackReason Reason, string Detail) Of(int key) => (_reasons[key]!.Value, _details[key]!);

    /// <summary>
    /// Holds back a weak key that entities tie to two different strong keys of the same type, such as the short
    /// host name "ws1" seen with ws1.contoso.com and ws1.fabrikam.com. Without this, the weak key would join two
    /// different hosts into one key group.
    /// </summary>
    private void HoldAmbiguousWeakKeys(KeyIndex index)
    {
        var firstStrongByType = new Dictionary<(int Weak, string Type), int>();
        for (var entity = 0; entity < index.EntityCount; entity++)
        {
            var keys = index.KeysOf(entity);
            foreach (var weak in keys)
            {
                if (index.IsStrong(weak) || IsHeld(weak))
                {
                    continue;
                }

                foreach (var strong in keys)
                {
                    if (!index.IsStrong(strong) || IsHeld(strong))
                    {
                        continue;
                    }

                    var type = EntityKeyText.TypeOf(index.KeyText(strong));
                    if (!firstStrongByType.TryGetValue((weak, type), out var first))
                    {
                        firstStrongByType.Add((weak, type), strong);
                    }
                    else if (first != strong)
                    {
                        Hold(weak, HoldBackReason.Ambiguous, $"tied to both {index.KeyText(first)} and {index.KeyText(strong)}");
                        break;
                    }
                }
            }
        }
    }

    private static string FormatWindow(TimeSpan window) => window.TotalHours == Math.Floor(window.TotalHours)
        ? window.TotalHours.ToString(CultureInfo.InvariantCulture) + " h"
        : window.ToString("c", CultureInfo.InvariantCulture);

    private void Hold(int key, HoldBackReason reason, string detail)
    {
        _reasons[key] = reason;
        _details[key] = detail;
    }
}

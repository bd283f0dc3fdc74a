using System.Text;

namespace AiSoc.Narratives.Prompting;

/// <summary>
/// Prepares attacker-controlled alert text for a prompt: control characters become spaces and long values are clipped,
/// so one command line cannot crowd out the evidence or smuggle line-based instructions.
/// </summary>
internal static class UntrustedText
{
    /// <summary>The marker appended to a clipped value, so the model knows the value continues.</summary>
    public const string ClipMarker = "…[clipped]";

    /// <summary>Returns <paramref name="text"/> on one line and at most <paramref name="maxLength"/> characters plus <see cref="ClipMarker"/>, or null for null.</summary>
    public static string? Clip(string? text, int maxLength)
    {
        if (text is null)
        {
            return null;
        }

        var clipped = text.Length > maxLength ? text[..maxLength] : text;
        var builder = new StringBuilder(clipped.Length + ClipMarker.Length);
        foreach (var c in clipped)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        if (clipped.Length < text.Length)
        {
            builder.Append(ClipMarker);
        }

        return builder.ToString();
    }
}

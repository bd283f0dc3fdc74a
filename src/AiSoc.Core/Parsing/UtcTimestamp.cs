using System.Diagnostics.CodeAnalysis;

namespace AiSoc.Core.Parsing;

/// <summary>
/// Parses the timestamp formats that Microsoft security products write, always to UTC and never through the
/// machine's locale. Accepted: ISO 8601 with a 'T' or a space, one- or two-digit hours, 0 to 9 fraction digits
/// (digits beyond the seventh are truncated) and an optional Z or offset; and the Azure diagnostic
/// <c>time</c> format, US month/day order <c>M/d/yyyy h:mm:ss[.fff] [AM|PM] [±hh:mm]</c>.
/// A value without a zone is UTC.
/// </summary>
public static class UtcTimestamp
{
    /// <summary>Parses <paramref name="text"/>, or returns false with a reason that names the expected formats.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        text = text.Trim();
        value = default;

        if (text.Length < 8)
        {
            return false;
        }

        var scanner = new Scanner(text);
        return IsIsoDate(text) ? TryParseIso(ref scanner, out value) : TryParseUsDiagnostic(ref scanner, out value);
    }

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/> that quotes the value.</summary>
    public static DateTimeOffset Parse(string text)
    {
        if (TryParse(text, out var value))
        {
            return value;
        }

        throw new FormatException(DescribeInvalid(text));
    }

    /// <summary>Builds the message for a value that is not a supported timestamp.</summary>
    public static string DescribeInvalid(string text) =>
        $"invalid timestamp '{Truncate(text)}': expected ISO 8601 (2024-05-01T13:45:00.123Z) or M/d/yyyy h:mm:ss AM|PM";

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "...";

    private static bool IsIsoDate(ReadOnlySpan<char> text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[3]) && text[4] == '-';

    private static bool TryParseIso(ref Scanner s, out DateTimeOffset value)
    {
        value = default;

        if (!s.Number(4, 4, out var year) || !s.Expect('-') || !s.Number(1, 2, out var month) || !s.Expect('-')
            || !s.Number(1, 2, out var day))
        {
            return false;
        }

        if (s.AtEnd)
        {
            return TryBuild(year, month, day, 0, 0, 0, 0, TimeSpan.Zero, out value);
        }

        if (!s.Expect('T') && !s.Expect(' '))
        {
            return false;
        }

        if (!TryParseTime(ref s, out var hour, out var minute, out var second, out var ticks))
        {
            return false;
        }

        if (!TryParseZone(ref s, out var offset) || !s.AtEnd)
        {
            return false;
        }

        return TryBuild(year, month, day, hour, minute, second, ticks, offset, out value);
    }

    private static bool TryParseUsDiagnostic(ref Scanner s, out DateTimeOffset value)
    {
        value = default;

        if (!s.Number(1, 2, out var month) || !s.Expect('/') || !s.Number(1, 2, out var day) || !s.Expect('/')
            || !s.Number(4, 4, out var year) || !s.Expect(' '))
        {
            return false;
        }

        if (!TryParseTime(ref s, out var hour, out var minute, out var second, out var ticks))
        {
            return false;
        }

        s.SkipSpaces();
        if (s.TryDesignator(out var isPm))
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = (hour % 12) + (isPm ? 12 : 0);
        }

        s.SkipSpaces();
        if (!TryParseZone(ref s, out var offset) || !s.AtEnd)
        {
            return false;
        }

        return TryBuild(year, month, day, hour, minute, second, ticks, offset, out value);
    }

    private static bool TryParseTime(ref Scanner s, out int hour, out int minute, out int second, out long ticks)
    {
        minute = second = 0;
        ticks = 0;

        if (!s.Number(1, 2, out hour) || !s.Expect(':') || !s.Number(2, 2, out minute))
        {
            return false;
        }

        if (s.Expect(':') && !s.Number(2, 2, out second))
        {
            return false;
        }

        if (s.Expect('.') || s.Expect(','))
        {
            return s.Fraction(out ticks);
        }

        return true;
    }

    private static bool TryParseZone(ref Scanner s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;

        if (s.AtEnd || s.Expect('Z') || s.Expect('z'))
        {
            return true;
        }

        var sign = s.Peek;
        if (sign is not ('+' or '-'))
        {
            return false;
        }

        s.Advance();
        if (!s.Number(2, 2, out var hours, standalone: false))
        {
            return false;
        }

        s.Expect(':');
        if (!s.Number(2, 2, out var minutes) || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (sign == '-')
        {
            offset = offset.Negate();
        }

        return true;
    }

    private static bool TryBuild(int year, int month, int day, int hour, int minute, int second, long ticks,
        TimeSpan offset, out DateTimeOffset value)
    {
        value = default;

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        value = new DateTimeOffset(local, offset).ToUniversalTime();
        return true;
    }

    [SuppressMessage("Performance", "CA1815", Justification = "A transient cursor that is never compared.")]
    private ref struct Scanner(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _position;

        public readonly bool AtEnd => _position >= _text.Length;

        public readonly char Peek => AtEnd ? '\0' : _text[_position];

        public void Advance() => _position++;

        public bool Expect(char c)
        {
            if (Peek != c)
            {
                return false;
            }

            _position++;
            return true;
        }

        public void SkipSpaces()
        {
            while (Peek == ' ')
            {
                _position++;
            }
        }

        /// <summary>Reads a number; with <paramref name="standalone"/>, a digit right after it fails the read.</summary>
        public bool Number(int minDigits, int maxDigits, out int value, bool standalone = true)
        {
            value = 0;
            var digits = 0;
            while (digits < maxDigits && char.IsAsciiDigit(Peek))
            {
                value = (value * 10) + (Peek - '0');
                _position++;
                digits++;
            }

            return digits >= minDigits && !(standalone && char.IsAsciiDigit(Peek));
        }

        public bool Fraction(out long ticks)
        {
            ticks = 0;
            var digits = 0;
            while (char.IsAsciiDigit(Peek))
            {
                if (digits < 7)
                {
                    ticks = (ticks * 10) + (Peek - '0');
                }

                _position++;
                digits++;
            }

            for (var i = Math.Min(digits, 7); i < 7; i++)
            {
                ticks *= 10;
            }

            return digits is > 0 and <= 9;
        }

        public bool TryDesignator(out bool isPm)
        {
            isPm = false;
            if (_position + 2 > _text.Length)
            {
                return false;
            }

            var designator = _text.Slice(_position, 2);
            if (designator.Equals("AM", StringComparison.OrdinalIgnoreCase))
            {
                _position += 2;
                return true;
            }

            if (designator.Equals("PM", StringComparison.OrdinalIgnoreCase))
            {
                isPm = true;
                _position += 2;
                return true;
            }

            return false;
        }
    }
}

using AiSoc.Integrations.Resilience;

namespace AiSoc.Integrations.Tests;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120)]
    [InlineData("0", 1)]
    [InlineData("0.4", 1)]
    [InlineData("1.2", 2)]
    [InlineData(" 7 ", 7)]
    public void Parse_Seconds_RoundsUpToAtLeastOneSecond(string value, int expectedSeconds)
    {
        var wait = RetryAfter.Parse(value, Now);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), wait);
    }

    [Fact]
    public void Parse_HttpDate_ReturnsTimeUntilDate()
    {
        var value = Now.AddSeconds(90).ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        var wait = RetryAfter.Parse(value, Now.AddMilliseconds(300));

        Assert.Equal(TimeSpan.FromSeconds(90), wait);
    }

    [Fact]
    public void Parse_PastHttpDate_WaitsOneSecond()
    {
        var value = Now.AddMinutes(-5).ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        var wait = RetryAfter.Parse(value, Now);

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-3")]
    public void Parse_MissingOrInvalid_ReturnsNull(string? value)
    {
        var wait = RetryAfter.Parse(value, Now);

        Assert.Null(wait);
    }

    [Theory]
    [InlineData("GET", 503, true)]
    [InlineData("DELETE", 500, true)]
    [InlineData("POST", 429, true)]
    [InlineData("POST", 503, false)]
    [InlineData("PATCH", 504, false)]
    [InlineData("GET", 403, false)]
    [InlineData("GET", 400, false)]
    public void RetryRules_MethodAndStatus_DecidesRetry(string method, int status, bool expected)
    {
        var retry = RetryRules.ShouldRetry(new HttpMethod(method), (System.Net.HttpStatusCode)status);

        Assert.Equal(expected, retry);
    }
}

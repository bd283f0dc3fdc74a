using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Parsing;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Parsing;

public class UtcTimestampTests
{
    public static TheoryData<string, string> AzureCornerCases()
    {
        var data = new TheoryData<string, string>();
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("defender/elastic_azure_time_format_corner_cases.json")));
        foreach (var testCase in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            using var raw = JsonDocument.Parse(testCase.GetProperty("raw_event").GetString()!);
            data.Add(raw.RootElement.GetProperty("time").GetString()!, testCase.GetProperty("expected_utc").GetString()!);
        }

        return data;
    }

    [Fact]
    public void AzureCornerCases_FileHasElevenCases()
    {
        Assert.Equal(11, AzureCornerCases().Count);
    }

    [Theory]
    [MemberData(nameof(AzureCornerCases))]
    public void TryParse_AzureTimeCornerCase_MatchesExpectedUtcToTheMillisecond(string input, string expectedUtc)
    {
        Assert.True(UtcTimestamp.TryParse(input, out var value), input);

        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(expectedUtc, value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2022-09-09T8:48:50.361Z", "2022-09-09T08:48:50.3610000Z")]
    [InlineData("8/22/2022 6:07:16 PM", "2022-08-22T18:07:16.0000000Z")]
    [InlineData("12/1/2022 12:05:00 AM", "2022-12-01T00:05:00.0000000Z")]
    [InlineData("12/1/2022 12:05:00 PM", "2022-12-01T12:05:00.0000000Z")]
    [InlineData("2019-01-11 06:31:40", "2019-01-11T06:31:40.0000000Z")]
    [InlineData("2021-10-05T15:01:33.13Z", "2021-10-05T15:01:33.1300000Z")]
    [InlineData("2021-10-05T15:01:33-0500", "2021-10-05T20:01:33.0000000Z")]
    [InlineData("2021-10-05", "2021-10-05T00:00:00.0000000Z")]
    public void TryParse_SupportedFormat_ReturnsUtc(string input, string expectedRoundTrip)
    {
        Assert.True(UtcTimestamp.TryParse(input, out var value));

        Assert.Equal(expectedRoundTrip, value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2021-13-01T00:00:00Z")]
    [InlineData("2/30/2021 10:00:00 AM")]
    [InlineData("13/1/2021 10:00:00")]
    [InlineData("2021-10-05T25:00:00Z")]
    [InlineData("2021-10-05T10:00:00.1234567890Z")]
    [InlineData("1/9/2007 13:41:00 PM")]
    [InlineData("05.10.2021 10:00:00")]
    [InlineData("")]
    public void TryParse_UnsupportedFormat_ReturnsFalse(string input)
    {
        Assert.False(UtcTimestamp.TryParse(input, out _));
    }

    [Fact]
    public void Parse_InvalidValue_MessageQuotesValue()
    {
        var error = Assert.Throws<FormatException>(() => UtcTimestamp.Parse("not-a-time"));

        Assert.Contains("'not-a-time'", error.Message, StringComparison.Ordinal);
    }
}

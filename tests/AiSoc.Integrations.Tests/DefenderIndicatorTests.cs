using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.Integrations.Defender;
using AiSoc.FakeTenant;
using AiSoc.Integrations.Tests.Fakes;

namespace AiSoc.Integrations.Tests;

public sealed class DefenderIndicatorTests : IAsyncLifetime
{
    private TenantFixture fixture = null!;

    public async Task InitializeAsync() => fixture = await TenantFixture.StartAsync(configureDefender: options => options.MaxTenantIndicators = 5);

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task BlockIp_Valid_SubmitsWithTitleExpiryAndKey()
    {
        var action = IpAction("203.0.113.7");

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Succeeded, result.Status);
        var post = Assert.Single(fixture.Defender.RequestsAt("POST", "/api/indicators"));
        Assert.Equal("IpAddress", post.Json!["indicatorType"]!.GetValue<string>());
        Assert.Equal("Block", post.Json!["action"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(post.Json!["title"]!.GetValue<string>()));
        Assert.Contains(IdempotencyMarker.For(action.IdempotencyKey), post.Json!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(post.Json!["expirationTime"]);
    }

    [Fact]
    public async Task BlockIp_CidrRange_RejectedBeforeCalling()
    {
        var action = IpAction("203.0.113.0/24");

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Failed, result.Status);
        Assert.Contains("CIDR", result.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Defender.Requests);
    }

    [Fact]
    public async Task SubmitIndicator_MissingTitle_RejectedBeforeCalling()
    {
        var request = new IndicatorRequest
        {
            IndicatorValue = "203.0.113.7",
            IndicatorType = "IpAddress",
            Action = "Block",
            Title = " ",
            Description = "Seen in a phishing campaign.",
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.DefenderApi.SubmitIndicatorAsync(request, CancellationToken.None));

        Assert.Contains("title is missing", error.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Defender.Requests);
    }

    [Fact]
    public async Task BlockIp_TenantQuotaReached_RejectedBeforeSubmitting()
    {
        fixture.Defender.AddIndicators(5);
        var action = IpAction("203.0.113.7");

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Failed, result.Status);
        Assert.Contains("maximum of 5", result.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Defender.RequestsAt("POST", "/api/indicators"));
    }

    [Fact]
    public async Task BlockIp_Replayed_SubmitsOnce()
    {
        var action = IpAction("203.0.113.7");
        var first = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        var second = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(first.ProviderActionId, second.ProviderActionId);
        Assert.Single(fixture.Defender.RequestsAt("POST", "/api/indicators"));
    }

    [Fact]
    public async Task Rollback_SubmittedIndicator_DeletesIt()
    {
        var action = IpAction("203.0.113.7");
        var executed = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        var rolledBack = await fixture.Executor.RollbackAsync(action, executed, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Succeeded, rolledBack.Status);
        Assert.Single(fixture.Defender.RequestsAt("DELETE", "/api/indicators/" + executed.ProviderActionId));
        Assert.Empty(fixture.Defender.Indicators);
    }

    [Fact]
    public async Task BlockFile_Sha256_BlocksAndRemediates()
    {
        var file = new FileEntity { Sha256 = new string('b', 64) };
        var action = TenantFixture.Action(ResponseActionType.BlockIndicator, file, "sha256:" + file.Sha256);

        var result = await fixture.Executor.ExecuteAsync(action, dryRun: false, CancellationToken.None);

        Assert.Equal(ActionExecutionStatus.Succeeded, result.Status);
        var post = Assert.Single(fixture.Defender.RequestsAt("POST", "/api/indicators"));
        Assert.Equal("FileSha256", post.Json!["indicatorType"]!.GetValue<string>());
        Assert.Equal("BlockAndRemediate", post.Json!["action"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("IpAddress", "10.0.0.0/8", "CIDR")]
    [InlineData("FileSha1", "abc", "SHA-1")]
    [InlineData("DomainName", "*.contoso.com", "wildcards")]
    [InlineData("Registry", "x", "type 'Registry' is invalid")]
    public void IndicatorRules_InvalidValue_Rejected(string type, string value, string expected)
    {
        var request = new IndicatorRequest { IndicatorValue = value, IndicatorType = type, Action = "Block", Title = "t", Description = "d" };

        var problems = IndicatorRules.Validate(request, DateTimeOffset.UnixEpoch);

        Assert.Contains(problems, problem => problem.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void IndicatorRules_PastExpiry_Rejected()
    {
        var request = new IndicatorRequest
        {
            IndicatorValue = "203.0.113.7", IndicatorType = "IpAddress", Action = "Block", Title = "t", Description = "d",
            ExpirationTime = DateTimeOffset.UnixEpoch,
        };

        var problems = IndicatorRules.Validate(request, DateTimeOffset.UnixEpoch.AddDays(1));

        Assert.Contains(problems, problem => problem.Contains("in the past", StringComparison.Ordinal));
    }

    private static ProposedAction IpAction(string address) =>
        TenantFixture.Action(ResponseActionType.BlockIndicator, new IpEntity { Address = address }, address);
}

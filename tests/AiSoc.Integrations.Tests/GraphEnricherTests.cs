using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.FakeTenant;
using AiSoc.Integrations.Tests.Fakes;

namespace AiSoc.Integrations.Tests;

public sealed class GraphEnricherTests : IAsyncLifetime
{
    private const string AliceId = "11111111-1111-1111-1111-111111111111";
    private const string GuestId = "22222222-2222-2222-2222-222222222222";
    private const string GuestUpn = "o'brien_fabrikam.com#EXT#@contoso.onmicrosoft.com";

    private TenantFixture fixture = null!;

    public async Task InitializeAsync()
    {
        fixture = await TenantFixture.StartAsync();
        fixture.Graph.AddUser(AliceId, "alice@contoso.com");
        fixture.Graph.AddUser(GuestId, GuestUpn);
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task Enrich_ObjectId_ResolvesThroughUsersPath()
    {
        var account = new AccountEntity { ObjectId = AliceId };

        var result = await Enrich(account);

        Assert.Equal(EnrichmentStatus.Resolved, result.Status);
        Assert.Equal("alice@contoso.com", result.Facts["userPrincipalName"]);
        Assert.Single(fixture.Graph.RequestsAt("GET", "/v1.0/users/" + AliceId));
        Assert.DoesNotContain(fixture.Graph.Requests, request => request.Path == "/v1.0/users");
    }

    [Fact]
    public async Task Enrich_GuestUpn_FiltersWithDoubledQuotes()
    {
        var account = new AccountEntity { Upn = GuestUpn };

        var result = await Enrich(account);

        Assert.Equal(EnrichmentStatus.Resolved, result.Status);
        Assert.Equal(GuestId, result.Facts["objectId"]);
        var lookup = Assert.Single(fixture.Graph.Requests, request => request.Path == "/v1.0/users");
        Assert.Equal("userPrincipalName eq 'o''brien_fabrikam.com#EXT#@contoso.onmicrosoft.com'", lookup.Query["$filter"]);
        Assert.DoesNotContain(fixture.Graph.Requests, request => request.Path.Contains("EXT", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Enrich_GlobalAdministrator_IsPrivileged()
    {
        fixture.Graph.User(AliceId).Roles.Add((FakeGraphServer.GlobalAdministratorTemplateId, "Global Administrator"));

        var result = await Enrich(new AccountEntity { ObjectId = AliceId });

        Assert.True(result.IsPrivileged);
        Assert.Equal("Global Administrator", result.Facts["privilegedRoles"]);
    }

    [Fact]
    public async Task Enrich_UserWithoutRoles_IsNotPrivileged()
    {
        fixture.Graph.User(AliceId).Groups.Add("Finance");

        var result = await Enrich(new AccountEntity { ObjectId = AliceId });

        Assert.False(result.IsPrivileged);
        Assert.Equal("Finance", result.Facts["groups"]);
    }

    [Fact]
    public async Task Enrich_UnknownUser_IsUnresolvedNotBenign()
    {
        var result = await Enrich(new AccountEntity { ObjectId = "99999999-9999-9999-9999-999999999999" });

        Assert.Equal(EnrichmentStatus.Unresolved, result.Status);
        Assert.Null(result.IsPrivileged);
        Assert.Contains("not evidence", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrich_MissingPermission_NamesPermission()
    {
        fixture.Graph.Forbid("/v1.0/users/");

        var result = await Enrich(new AccountEntity { ObjectId = AliceId });

        Assert.Equal(EnrichmentStatus.Failed, result.Status);
        Assert.Contains("User.Read.All", result.Message, StringComparison.Ordinal);
        Assert.Contains("403", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrich_RoleLookupForbidden_LeavesPrivilegeUnknown()
    {
        fixture.Graph.Forbid("/v1.0/roleManagement/");

        var result = await Enrich(new AccountEntity { ObjectId = AliceId });

        Assert.Equal(EnrichmentStatus.Resolved, result.Status);
        Assert.Null(result.IsPrivileged);
        Assert.Contains("RoleManagement.Read.Directory", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrich_Request_CarriesCredentialToken()
    {
        await Enrich(new AccountEntity { ObjectId = AliceId });

        Assert.All(fixture.Graph.Requests, request => Assert.Equal("Bearer " + StaticTokenCredential.Token, request.Authorization));
    }

    [Fact]
    public async Task Enrich_Throttled_WaitsForRetryAfter()
    {
        fixture.Graph.Throttle("/v1.0/users/", 1);

        var result = await Enrich(new AccountEntity { ObjectId = AliceId });

        Assert.Equal(EnrichmentStatus.Resolved, result.Status);
        var attempts = fixture.Graph.RequestsAt("GET", "/v1.0/users/" + AliceId);
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), "The retry came before Retry-After: 1 had passed.");
    }

    [Fact]
    public async Task Enrich_AlwaysThrottled_StopsAfterMaxRetries()
    {
        fixture.Graph.Throttle("/v1.0/users/", 100);

        var result = await Enrich(new AccountEntity { ObjectId = AliceId });

        Assert.Equal(EnrichmentStatus.Failed, result.Status);
        Assert.Equal(3, fixture.Graph.RequestsAt("GET", "/v1.0/users/" + AliceId).Count);
        Assert.Contains("429", result.Message, StringComparison.Ordinal);
    }

    private async Task<EntityEnrichment> Enrich(Entity entity)
    {
        var results = await fixture.GraphEnricher.EnrichAsync("inv-1", [entity], CancellationToken.None);
        return Assert.Single(results);
    }
}

using System.Net;

namespace AiSoc.FakeTenant;

/// <summary>The base URLs of a running fake tenant, in the form each client's options take.</summary>
/// <param name="GraphServiceRoot">Microsoft Graph root with the version segment, for <c>Integrations:Graph:BaseUrl</c>.</param>
/// <param name="DefenderBaseAddress">Defender for Endpoint API root without <c>/api</c>, for <c>Integrations:Defender:BaseAddress</c>.</param>
/// <param name="ArmBaseAddress">Azure Resource Manager root, for the Sentinel write-back.</param>
public sealed record FakeTenantUrls(Uri GraphServiceRoot, Uri DefenderBaseAddress, Uri ArmBaseAddress);

/// <summary>
/// The fake Graph, Defender and ARM servers on 127.0.0.1, seeded with <see cref="LabTenant"/>. Each server takes
/// its own port: a free one, or <c>port</c>, <c>port + 1</c> and <c>port + 2</c>.
/// </summary>
public sealed class FakeTenantHost : IAsyncDisposable
{
    private FakeTenantHost(FakeGraphServer graph, FakeDefenderServer defender, FakeArmServer arm)
    {
        Graph = graph;
        Defender = defender;
        Arm = arm;
    }

    public FakeGraphServer Graph { get; }

    public FakeDefenderServer Defender { get; }

    public FakeArmServer Arm { get; }

    public FakeTenantUrls Urls => new(Graph.ServiceRoot, Defender.BaseAddress, Arm.BaseAddress);

    /// <summary>Starts the three servers on loopback.</summary>
    /// <param name="firstPort">Port of the Graph server; Defender and ARM take the next two. 0 picks free ports.</param>
    /// <param name="seed">False starts the servers empty, for tests that add their own entities.</param>
    public static async Task<FakeTenantHost> StartAsync(int firstPort = 0, bool seed = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstPort, IPEndPoint.MaxPort - 2);

        var graph = new FakeGraphServer(PortAt(firstPort, 0));
        var defender = new FakeDefenderServer(PortAt(firstPort, 1));
        var arm = new FakeArmServer(PortAt(firstPort, 2));
        var host = new FakeTenantHost(graph, defender, arm);
        try
        {
            await graph.StartAsync().ConfigureAwait(false);
            await defender.StartAsync().ConfigureAwait(false);
            await arm.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (seed)
        {
            LabTenant.Seed(graph);
            LabTenant.Seed(defender);
            LabTenant.Seed(arm);
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Graph.DisposeAsync().ConfigureAwait(false);
        await Defender.DisposeAsync().ConfigureAwait(false);
        await Arm.DisposeAsync().ConfigureAwait(false);
    }

    private static int PortAt(int firstPort, int offset) => firstPort == 0 ? 0 : firstPort + offset;
}

using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using AiSoc.FakeTenant;

namespace AiSoc.Cli.Commands;

/// <summary>
/// <c>aisoc fake-tenant</c>: serve fakes of Microsoft Graph, the Defender for Endpoint API and the Sentinel ARM API on
/// 127.0.0.1, seeded with the lab tenant of <c>samples/alerts</c>, until Ctrl+C.
/// </summary>
internal static class FakeTenantCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = "TCP port of the fake Graph server; Defender takes the next port and ARM the one after. 0 picks free ports.",
            DefaultValueFactory = _ => 0,
        };
        var bind = new Option<string>("--bind")
        {
            Description = "Address to listen on. Only 127.0.0.1 is accepted: the fakes accept any token and must not be reachable from the network.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var state = new Option<string?>("--state", "-s")
        {
            Description = "JSON file with the fake tenant's state (accounts, machine actions, indicators, alerts, incidents): applied at start when it exists, and replaced when the command stops.",
        };

        var command = new Command("fake-tenant", "Serve a fake Microsoft Graph, Defender for Endpoint and Sentinel tenant on 127.0.0.1 for local runs, until Ctrl+C.")
        {
            port, bind, state,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(port), parseResult.GetValue(bind)!, parseResult.GetValue(state), output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int port, string bind, string? statePath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(bind, out var address) || !address.Equals(IPAddress.Loopback))
        {
            error.WriteLine($"--bind '{bind}' is rejected: the fake tenant listens on 127.0.0.1 only, because it accepts any token.");
            return ExitCodes.Usage;
        }

        if (port is < 0 or > IPEndPoint.MaxPort - 2)
        {
            error.WriteLine($"--port {port} is invalid: use 0 (free ports) or 1 to {IPEndPoint.MaxPort - 2}.");
            return ExitCodes.Usage;
        }

        FakeTenantHost host;
        try
        {
            host = await FakeTenantHost.StartAsync(port).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            error.WriteLine($"Could not listen on 127.0.0.1 ports {port} to {port + 2}: {exception.Message} Choose another --port, or 0 for free ports.");
            return ExitCodes.InputError;
        }

        await using (host.ConfigureAwait(false))
        {
            if (statePath is not null && File.Exists(statePath))
            {
                try
                {
                    FakeTenantSnapshot.Apply(host, await File.ReadAllTextAsync(statePath, cancellationToken).ConfigureAwait(false), statePath);
                    output.WriteLine($"Applied the saved state in {statePath}.");
                }
                catch (InvalidDataException exception)
                {
                    error.WriteLine(exception.Message + " Fix or delete the file.");
                    return ExitCodes.InputError;
                }
            }

            var urls = host.Urls;
            output.WriteLine($"Integrations:Graph:BaseUrl={urls.GraphServiceRoot}");
            output.WriteLine($"Integrations:Defender:BaseAddress={urls.DefenderBaseAddress}");
            output.WriteLine($"Integrations:Sentinel:ArmBaseAddress={urls.ArmBaseAddress}");
            output.WriteLine("Fake tenant running on 127.0.0.1; any bearer token is accepted. Press Ctrl+C to stop.");
            output.Flush();

            await WaitForStopAsync(cancellationToken).ConfigureAwait(false);

            if (statePath is not null)
            {
                await File.WriteAllTextAsync(statePath, FakeTenantSnapshot.ToJson(host), CancellationToken.None).ConfigureAwait(false);
                output.WriteLine($"Wrote the fake tenant's state to {statePath}.");
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>Waits for Ctrl+C (SIGINT), SIGTERM or <paramref name="cancellationToken"/>.</summary>
    private static async Task WaitForStopAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnSignal(PosixSignalContext context)
        {
            // Keep the process alive so the servers stop and the snapshot is written.
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected way out.
        }
    }
}

using AiSoc.Core.Ingest;
using AiSoc.Core.Triage;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Stores;
using Microsoft.Extensions.Logging;

namespace AiSoc.Cli.Commands;

/// <summary>The incidents of a run, stored where the activities load them, and the orchestration inputs that refer to them.</summary>
internal sealed record InvestigateInputs(IInvestigationStore Store, IReadOnlyList<InvestigationInput> Inputs, int? ExitCode = null)
{
    private static readonly InvestigateInputs Failed = new(new InMemoryInvestigationStore(), []);

    /// <summary>Triages the request's files and stores every incident in the run's state folder.</summary>
    public static async Task<InvestigateInputs> TriageAsync(InvestigateCommand.InvestigateRequest request, TextWriter error, CancellationToken cancellationToken)
    {
        TriageConfiguration configuration;
        try
        {
            configuration = request.ConfigPath is null ? TriageConfiguration.Default() : TriageConfiguration.Load(request.ConfigPath);
        }
        catch (TriageConfigurationException exception)
        {
            error.WriteLine(exception.Message);
            return Failed with { ExitCode = ExitCodes.ConfigError };
        }

        TriageResult result;
        try
        {
            using var loggerFactory = LoggerFactory.Create(builder => builder.AddSimpleConsole(options => options.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
            var runner = TriageServices.CreateRunner(configuration, loggerFactory, Environment.ProcessorCount);
            result = runner.Run(InputCatalog.Expand(request.Paths), cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or InputReadException)
        {
            error.WriteLine(exception.Message);
            return Failed with { ExitCode = ExitCodes.InputError };
        }

        var triageKey = "run-" + DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var store = new FileInvestigationStore(InvestigateStatePaths.InOutput(request.OutDirectory).Incidents);
        var alertsById = result.Ingest.Alerts.ToDictionary(alert => alert.Id, StringComparer.Ordinal);
        var inputs = new List<InvestigationInput>(result.Incidents.Count);
        foreach (var incident in result.Incidents)
        {
            var alerts = incident.AlertIds.Select(id => alertsById[id]).ToList();
            await store.SaveAsync(triageKey, new StoredIncident(incident, alerts), cancellationToken).ConfigureAwait(false);
            inputs.Add(new InvestigationInput("inv-" + incident.Id, incident.Id, triageKey));
        }

        return new InvestigateInputs(store, inputs);
    }

    /// <summary>Generates <paramref name="count"/> incidents in memory.</summary>
    public static async Task<InvestigateInputs> SyntheticAsync(int count, CancellationToken cancellationToken)
    {
        var store = new InMemoryInvestigationStore();
        var inputs = new List<InvestigationInput>(count);
        foreach (var incident in InvestigateSynthetic.Create(count, DateTimeOffset.UtcNow))
        {
            await store.SaveAsync(InvestigateSynthetic.TriageKey, incident, cancellationToken).ConfigureAwait(false);
            inputs.Add(new InvestigationInput("inv-" + incident.Incident.Id, incident.Incident.Id, InvestigateSynthetic.TriageKey));
        }

        return new InvestigateInputs(store, inputs);
    }
}

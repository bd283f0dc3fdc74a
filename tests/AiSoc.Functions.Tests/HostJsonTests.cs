using System.Text.Json;
using AiSoc.Functions.Hosting;
using AiSoc.Functions.Tests.Support;

namespace AiSoc.Functions.Tests;

public sealed class HostJsonTests
{
    [Fact]
    public void DurableTask_HubName_ReadsAppSetting()
    {
        var durableTask = DurableTaskSection();

        Assert.Equal($"%{DurableTaskSettings.HubName}%", durableTask.GetProperty("hubName").GetString());
    }

    [Fact]
    public void DurableTask_HubNameSetting_IsInBicep()
    {
        var bicep = File.ReadAllText(RepositoryFiles.PathOf("infra/app/functions.bicep"));

        Assert.Contains($"name: '{DurableTaskSettings.HubName}'", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void DurableTask_ExtendedSessions_AreOff()
    {
        var durableTask = DurableTaskSection();

        Assert.False(durableTask.GetProperty("extendedSessionsEnabled").GetBoolean());
    }

    [Fact]
    public void DurableTask_MaxConcurrentActivities_IsSet()
    {
        var durableTask = DurableTaskSection();

        Assert.InRange(durableTask.GetProperty("maxConcurrentActivityFunctions").GetInt32(), 1, 100);
    }

    private static JsonElement DurableTaskSection()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("host.json")));
        return document.RootElement.GetProperty("extensions").GetProperty("durableTask").Clone();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiSoc.Integrations.Graph;

namespace AiSoc.Integrations.Defender;

/// <summary>
/// Typed client of the Defender for Endpoint API. The base address, bearer token and retries come from the
/// <see cref="IHttpClientFactory"/> registration in <see cref="TenantIntegrationServices"/>. Failures are thrown as
/// <see cref="TenantApiException"/> naming the application permission the call needs.
/// </summary>
public sealed class DefenderApiClient(HttpClient http, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Returns the device with the Defender device id; null when Defender has no such device.</summary>
    public Task<Machine?> GetMachineAsync(string machineId, CancellationToken cancellationToken) =>
        GetAsync<Machine>($"api/machines/{Uri.EscapeDataString(machineId)}", "Machine.Read.All", cancellationToken);

    /// <summary>Returns the devices whose DNS name equals <paramref name="dnsName"/>.</summary>
    public Task<IReadOnlyList<Machine>> FindMachinesByDnsNameAsync(string dnsName, CancellationToken cancellationToken) =>
        ListAsync<Machine>("api/machines?$filter=" + Uri.EscapeDataString(ODataFilter.EqualTo("computerDnsName", dnsName)), "Machine.Read.All", cancellationToken);

    /// <summary>Returns the alerts on a device.</summary>
    public Task<IReadOnlyList<MachineAlert>> GetMachineAlertsAsync(string machineId, CancellationToken cancellationToken) =>
        ListAsync<MachineAlert>($"api/machines/{Uri.EscapeDataString(machineId)}/alerts", "Alert.Read.All", cancellationToken);

    /// <summary>Returns the users who logged on to a device.</summary>
    public Task<IReadOnlyList<LogonUser>> GetLogonUsersAsync(string machineId, CancellationToken cancellationToken) =>
        ListAsync<LogonUser>($"api/machines/{Uri.EscapeDataString(machineId)}/logonusers", "User.Read.All (WindowsDefenderATP API)", cancellationToken);

    /// <summary>Returns the devices that reported a file, by SHA-1 or SHA-256.</summary>
    /// <remarks>NOTE: checked against the loopback fake only; confirm the route and its result size on a real tenant.</remarks>
    public Task<IReadOnlyList<Machine>> GetFileMachinesAsync(string hash, CancellationToken cancellationToken) =>
        ListAsync<Machine>($"api/files/{Uri.EscapeDataString(hash)}/machines", "Machine.Read.All", cancellationToken);

    /// <summary>Returns the organization prevalence of a file; null when Defender has not seen it.</summary>
    public Task<FileStatistics?> GetFileStatisticsAsync(string hash, CancellationToken cancellationToken) =>
        GetAsync<FileStatistics>($"api/files/{Uri.EscapeDataString(hash)}/stats", "File.Read.All", cancellationToken);

    /// <summary>Returns the organization prevalence of an IP address; null when Defender has not seen it.</summary>
    public Task<IpStatistics?> GetIpStatisticsAsync(string address, CancellationToken cancellationToken) =>
        GetAsync<IpStatistics>($"api/ips/{Uri.EscapeDataString(address)}/stats", "Ip.Read.All", cancellationToken);

    /// <summary>Returns the machine actions of one type on one device, newest first.</summary>
    public async Task<IReadOnlyList<MachineAction>> ListMachineActionsAsync(string machineId, string type, CancellationToken cancellationToken)
    {
        var filter = ODataFilter.EqualTo("machineId", machineId) + " and " + ODataFilter.EqualTo("type", type);
        var actions = await ListAsync<MachineAction>("api/machineactions?$filter=" + Uri.EscapeDataString(filter), "Machine.Read.All", cancellationToken).ConfigureAwait(false);
        return [.. actions.OrderByDescending(action => action.CreationDateTimeUtc ?? DateTimeOffset.MinValue)];
    }

    /// <summary>Returns one machine action; null when it does not exist.</summary>
    public Task<MachineAction?> GetMachineActionAsync(string actionId, CancellationToken cancellationToken) =>
        GetAsync<MachineAction>($"api/machineactions/{Uri.EscapeDataString(actionId)}", "Machine.Read.All", cancellationToken);

    /// <summary>
    /// Posts a machine action such as <c>isolate</c> to a device. Returns null when Defender responds with 400 "Action is
    /// already in progress", which means an action of the same type is pending on the device.
    /// </summary>
    public async Task<MachineAction?> SendMachineActionAsync(string machineId, string endpoint, object body, string permission, CancellationToken cancellationToken)
    {
        var path = $"api/machines/{Uri.EscapeDataString(machineId)}/{endpoint}";
        using var response = await SendAsync(HttpMethod.Post, path, body, permission, cancellationToken).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var detail = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            if (detail.Contains("already in progress", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            throw new TenantApiException("POST /" + path, response.StatusCode, permission, detail);
        }

        await EnsureSuccessAsync(response, "POST /" + path, permission, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<MachineAction>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels a machine action that has not reached a final state.</summary>
    public async Task<MachineAction?> CancelMachineActionAsync(string actionId, string comment, string permission, CancellationToken cancellationToken)
    {
        var path = $"api/machineactions/{Uri.EscapeDataString(actionId)}/cancel";
        using var response = await SendAsync(HttpMethod.Post, path, new { Comment = comment }, permission, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "POST /" + path, permission, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<MachineAction>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the tenant's indicators with this value.</summary>
    public Task<IReadOnlyList<Indicator>> FindIndicatorsAsync(string value, CancellationToken cancellationToken) =>
        ListAsync<Indicator>("api/indicators?$filter=" + Uri.EscapeDataString(ODataFilter.EqualTo("indicatorValue", value)), "Ti.ReadWrite.All", cancellationToken);

    /// <summary>Counts the tenant's indicators, paging with <c>$top</c> and <c>$skip</c> and stopping at <paramref name="stopAt"/>.</summary>
    public async Task<int> CountIndicatorsAsync(int stopAt, CancellationToken cancellationToken)
    {
        const int PageSize = 10_000;
        var count = 0;
        while (count < stopAt)
        {
            var page = await ListAsync<Indicator>($"api/indicators?$select=id&$top={PageSize}&$skip={count}", "Ti.ReadWrite.All", cancellationToken).ConfigureAwait(false);
            count += page.Count;
            if (page.Count < PageSize)
            {
                break;
            }
        }

        return count;
    }

    /// <summary>Submits an indicator after checking it with <see cref="IndicatorRules"/>; an invalid one is never sent.</summary>
    /// <exception cref="ArgumentException">The indicator breaks a documented limit; the message lists each problem.</exception>
    public async Task<Indicator> SubmitIndicatorAsync(IndicatorRequest request, CancellationToken cancellationToken)
    {
        var problems = IndicatorRules.Validate(request, timeProvider.GetUtcNow());
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Indicator '{request.IndicatorValue}' is invalid: {string.Join(" ", problems)}", nameof(request));
        }

        using var response = await SendAsync(HttpMethod.Post, "api/indicators", request, "Ti.ReadWrite.All", cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "POST /api/indicators", "Ti.ReadWrite.All", cancellationToken).ConfigureAwait(false);
        return await ReadAsync<Indicator>(response, cancellationToken).ConfigureAwait(false)
            ?? throw new TenantApiException("POST /api/indicators", response.StatusCode, null, "The response has no indicator.");
    }

    /// <summary>Deletes an indicator; one already gone counts as deleted.</summary>
    public async Task DeleteIndicatorAsync(string indicatorId, CancellationToken cancellationToken)
    {
        var path = $"api/indicators/{Uri.EscapeDataString(indicatorId)}";
        using var response = await SendAsync(HttpMethod.Delete, path, null, "Ti.ReadWrite.All", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(response, "DELETE /" + path, "Ti.ReadWrite.All", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<T?> GetAsync<T>(string path, string permission, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, permission, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, "GET /" + path, permission, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string path, string permission, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, permission, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        await EnsureSuccessAsync(response, "GET /" + path, permission, cancellationToken).ConfigureAwait(false);
        var collection = await ReadAsync<ODataCollection<T>>(response, cancellationToken).ConfigureAwait(false);
        return collection?.Value ?? [];
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string permission, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        try
        {
            return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException error)
        {
            throw new TenantApiException($"{method} /{path}", error.StatusCode, permission, error.Message, error);
        }
        catch (Polly.Timeout.TimeoutRejectedException error)
        {
            throw new TenantApiException($"{method} /{path}", null, permission, "The attempt timed out; the request may or may not have taken effect.", error);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, string permission, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var detail = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            throw new TenantApiException(operation, response.StatusCode, permission, detail);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0)
        {
            return default;
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns <c>error.message</c> of a Defender error body, or the raw body when it has another shape.</summary>
    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var message))
            {
                return message.GetString() ?? text;
            }
        }
        catch (JsonException)
        {
            // The body is not JSON; the raw text is the best detail there is.
        }

        return text.Length > 500 ? text[..500] : text;
    }
}

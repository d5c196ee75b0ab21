using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelGates.EndToEnd.Tests.Browser;

/// <summary>
/// A headless Chromium page driven over the Chrome DevTools Protocol with nothing but a WebSocket: navigate,
/// evaluate JavaScript, take a screenshot, and collect every console error, exception and failed request.
/// Launched with the flags this machine's closed network needs (no background networking, no sync).
/// </summary>
internal sealed partial class ChromiumPage : IAsyncDisposable
{
    private readonly Process process;
    private readonly ClientWebSocket socket = new();
    private readonly string profile;
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> pending = [];
    private readonly List<string> errors = [];
    private readonly Lock gate = new();
    private TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string sessionId = string.Empty;
    private int nextId;
    private Task? receiving;

    private ChromiumPage(Process process, string profile)
    {
        this.process = process;
        this.profile = profile;
    }

    /// <summary>Errors the page reported: console errors, uncaught exceptions, failed loads.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (gate)
            {
                return errors.ToList();
            }
        }
    }

    /// <summary>The Chromium executable: /usr/bin/chromium (Debian's package), or CHROMIUM_PATH.</summary>
    public static string Executable => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<ChromiumPage> LaunchAsync(int width, int height)
    {
        var profile = Directory.CreateTempSubdirectory("mg-chromium-").FullName;
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile}",
            $"--window-size={width},{height}", "--remote-debugging-port=0", "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var page = new ChromiumPage(process, profile);
        var endpoint = await ReadEndpointAsync(process);
        await page.socket.ConnectAsync(new Uri(endpoint), CancellationToken.None);
        page.receiving = Task.Run(page.ReceiveAsync);
        var target = await page.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, session: false);
        var attached = await page.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, session: false);
        page.sessionId = attached["sessionId"]!.GetValue<string>();
        foreach (var domain in new[] { "Page.enable", "Runtime.enable", "Log.enable", "Network.enable" })
        {
            await page.SendAsync(domain, new JsonObject());
        }

        await page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        return page;
    }

    public async Task NavigateAsync(string url)
    {
        loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await loaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException("The page's JavaScript failed: " + exception.ToJsonString());
        }

        return result["result"]?["value"];
    }

    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        socket.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<string> ReadEndpointAsync(Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var line = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (line is null)
            {
                break;
            }

            if (Endpoint().Match(line) is { Success: true } match)
            {
                // Keep draining stderr so that Chromium never blocks on a full pipe.
                _ = process.StandardError.ReadToEndAsync();
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException($"{Executable} did not print its DevTools endpoint.");
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, bool session = true)
    {
        var id = Interlocked.Increment(ref nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session)
        {
            message["sessionId"] = sessionId;
        }

        var reply = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            pending[id] = reply;
        }

        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var node = JsonNode.Parse(message.ToArray())!;
            message.SetLength(0);
            Dispatch(node);
        }
    }

    private void Dispatch(JsonNode node)
    {
        if (node["id"] is { } idNode)
        {
            TaskCompletionSource<JsonNode>? reply;
            lock (gate)
            {
                pending.Remove(idNode.GetValue<int>(), out reply);
            }

            if (node["error"] is { } error)
            {
                reply?.TrySetException(new InvalidOperationException(error.ToJsonString()));
            }
            else
            {
                reply?.TrySetResult(node["result"] ?? new JsonObject());
            }

            return;
        }

        var parameters = node["params"];
        switch (node["method"]?.GetValue<string>())
        {
            case "Page.loadEventFired":
                loaded.TrySetResult();
                break;
            case "Runtime.exceptionThrown":
                Record("exception: " + parameters?["exceptionDetails"]?.ToJsonString());
                break;
            case "Runtime.consoleAPICalled" when Text(parameters?["type"]) == "error":
                Record("console error: " + parameters?["args"]?.ToJsonString());
                break;
            case "Log.entryAdded" when Text(parameters?["entry"]?["level"]) == "error":
                Record("log error: " + parameters?["entry"]?["text"]?.GetValue<string>());
                break;
            case "Network.loadingFailed":
                Record("failed load: " + parameters?["errorText"]?.GetValue<string>());
                break;
        }
    }

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    private void Record(string error)
    {
        lock (gate)
        {
            errors.Add(error);
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex Endpoint();
}

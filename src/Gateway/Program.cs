using Gateway.Cli;

var commandLine = new CommandLine([new RunCommand(), new CheckConfigCommand(), new DecodeCommand(), .. ControlCommand.All()]);
return await commandLine.RunAsync(args, Console.Out, Console.Error);

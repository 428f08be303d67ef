"""Running the exhibit unattended: configuration, logs, one instance, idle policy,
the admin PIN, the supervisor and local analytics. Policy, not drawing: nothing
here imports the ui layer."""

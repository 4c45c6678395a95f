-- Optimizer modes (README, "Optimizer modes"): a user's own mode, null for the deployment's default, and the mode each
-- batch was last optimized with, null until it is.
alter table user_settings add column optimizer_mode text check (optimizer_mode in ('CONSERVATIVE', 'PAPER'));
alter table optimizer_batches add column optimizer_mode text check (optimizer_mode in ('CONSERVATIVE', 'PAPER'));

-- The day an item of a tracked project was marked finished (`trekant track done`); NULL while
-- work goes on. Closing a project puts only finished items into the history.
ALTER TABLE project_item ADD COLUMN done TEXT;  -- ISO date

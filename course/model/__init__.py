"""The course model: modules, steps, questions, statements, meetings and times, from data/reflection/."""

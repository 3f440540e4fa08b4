from django.shortcuts import render


def organisation_propose(request):
    return render(request, "base.html")
